import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { saveMenu, saveProfile, setUpOutlet } from '../../../../../../client/admin/model/outlets/outletEdits';
import { EMPTY_MENU, firstProfile, newOutletId } from '../../../../../../client/admin/model/outlets/newOutlet';
import { readCatalog } from '../../../../../../shared/catalog/outletDoc';
import { outletDocName } from '../../../../../../shared/docNames';
import { ADMIN_ACTOR, OUTLET_ACTOR, OUTLET_ID } from '../../../../shared/order/fixtures';
import { docsOf } from '../../../support/orderDocs';
import { catalogOf, MENU, OUTLET_DOC, outletDoc, PROFILE } from '../../../support/outletFixtures';

function held(actor = ADMIN_ACTOR, doc: Y.Doc = outletDoc()) {
  return { doc, ctx: { actor, docs: docsOf({ [OUTLET_DOC]: doc }) } };
}

describe('saving an outlet’s profile', () => {
  it('replaces the profile in the outlet’s document', () => {
    const { doc, ctx } = held();
    expect(saveProfile(ctx, OUTLET_ID, { ...PROFILE, name: 'Renamed', defaultPrepMinutes: 25 })).toEqual({ ok: true });
    expect(catalogOf(doc).profile).toMatchObject({ name: 'Renamed', defaultPrepMinutes: 25 });
  });

  it('refuses what the server would refuse, with the reason, and writes nothing', () => {
    const { doc, ctx } = held();
    const before = Y.encodeStateAsUpdate(doc);
    const bad = saveProfile(ctx, OUTLET_ID, { ...PROFILE, timezone: 'Bengaluru' });
    expect(bad.ok ? null : bad.error.message).toMatch(/^Not saved: timezone: use an IANA time zone/);
    const closure = saveProfile(ctx, OUTLET_ID, { ...PROFILE, closures: [{ from: 2, until: 1, reason: '' }] });
    expect(closure.ok ? null : closure.error.message).toMatch(/closure must end after it starts/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('is an admin’s to change: outlet staff are refused', () => {
    const { ctx } = held(OUTLET_ACTOR);
    const answer = saveProfile(ctx, OUTLET_ID, PROFILE);
    expect(answer.ok ? null : answer.error.message).toMatch(/Only an admin/);
  });
});

describe('saving a menu', () => {
  it('replaces the menu and drops availability kept for items and options no longer on it', () => {
    const { doc, ctx } = held();
    doc.getMap('availability').set('chai', { available: false });
    doc.getMap('availability').set('raita', { available: false });
    doc.getMap('availability').set('large', { available: false });
    const withoutChaiOrExtras = {
      ...MENU,
      items: MENU.items
        .filter((i) => i.id !== 'chai')
        .map((i) => ({ ...i, modifierGroups: i.modifierGroups.filter((g) => g.id !== 'extras') })),
    };
    expect(saveMenu(ctx, OUTLET_ID, withoutChaiOrExtras)).toEqual({ ok: true });
    expect(catalogOf(doc).menu.items.map((i) => i.id)).toEqual(['thali']);
    expect([...doc.getMap('availability').keys()]).toEqual(['large']);
  });

  it('refuses a modifier group no customer could satisfy, as the server does', () => {
    const { ctx } = held();
    const answer = saveMenu(ctx, OUTLET_ID, {
      ...MENU,
      items: MENU.items.map((i) => ({ ...i, modifierGroups: i.modifierGroups.map((g) => ({ ...g, min: 3, max: 3 })) })),
    });
    expect(answer.ok ? null : answer.error.message).toMatch(/Not saved: Thali: "Size" asks for at least 3 but has 2 options/);
  });
});

describe('setting up a new outlet', () => {
  it('writes a closed outlet with an empty menu into its new document', () => {
    const id = newOutletId('Koramangala Kitchen!');
    expect(id).toMatch(/^koramangala-kitchen-[A-Za-z0-9_-]{4}$/);
    const doc = new Y.Doc();
    const ctx = { actor: ADMIN_ACTOR, docs: docsOf({ [outletDocName(id)]: doc }) };
    const profile = firstProfile(id, {
      name: ' Koramangala Kitchen ',
      phone: '',
      address: '80 Feet Rd',
      lat: 12.93,
      lng: 77.62,
      currency: 'INR',
      timezone: 'Asia/Kolkata',
    });
    expect(setUpOutlet(ctx, id, profile, EMPTY_MENU)).toEqual({ ok: true });
    const catalog = readCatalog(doc);
    expect(catalog?.profile).toMatchObject({ id, name: 'Koramangala Kitchen', hours: [[], [], [], [], [], [], []] });
    expect(catalog?.menu).toEqual(EMPTY_MENU);
    const again = setUpOutlet(ctx, id, profile, EMPTY_MENU);
    expect(again.ok ? null : again.error.message).toMatch(/exists already/);
  });

  it('makes an id from any name, even one with no Latin letters', () => {
    expect(newOutletId('ದಬ್ಬ')).toMatch(/^outlet-[A-Za-z0-9_-]{4}$/);
  });
});
