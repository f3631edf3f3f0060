import { describe, expect, it } from 'vitest';
import { UserIdSchema, type UserId } from '../../../shared/ids';
import { DriverRepo, type NewDriver, type StoredPosition } from '../../../sync-server/storage/drivers';
import { UserRepo } from '../../../sync-server/storage/users';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const DECLARED: StoredPosition = { lat: 12.9756, lng: 77.6066, at: 100, accuracy: null, declared: true };
const fix = (at: number, lat = 12.98): StoredPosition => ({ lat, lng: 77.61, at, accuracy: 8.5, declared: false });

describe.each(DIALECTS)('drivers stored on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const repo = (): DriverRepo => new DriverRepo(storage().db);

  /** A driver account (drivers rows belong to a user) and, unless `row` is false, its driver row. */
  const addDriver = async (id: string, name: string, row: Partial<NewDriver> | false = {}, now = 10): Promise<UserId> => {
    const userId = UserIdSchema.parse(id);
    await new UserRepo(storage().db).insert({
      id: userId,
      email: `${id}@dabba.test`,
      name,
      role: 'driver',
      outletId: null,
      passwordHash: 'x',
    });
    if (row) await repo().insert({ id: userId, phone: '+91 98450 22222', capacity: 2, onShift: false, position: null, ...row }, now);
    return userId;
  };

  it('knows no driver before any is added', async () => {
    expect(await repo().get('ravi')).toBeNull();
    expect(await repo().all()).toEqual([]);
  });

  it('stores a driver with their account’s name, shift, capacity and a declared position', async () => {
    const ravi = await addDriver('ravi', 'Ravi Kumar', { capacity: 3, onShift: true, position: DECLARED }, 1_700_000_000_000);
    expect(await repo().get(ravi)).toEqual({
      id: 'ravi',
      name: 'Ravi Kumar',
      phone: '+91 98450 22222',
      capacity: 3,
      onShift: true,
      shiftChangedAt: 1_700_000_000_000,
      position: DECLARED,
      lastAssignedAt: null,
      lastDeliveryEndedAt: null,
    });
  });

  it('stores a measured position with its accuracy, and none at all', async () => {
    const asha = await addDriver('asha', 'Asha', { position: fix(50) });
    const bala = await addDriver('bala', 'Bala');
    expect((await repo().get(asha))?.position).toEqual(fix(50));
    expect((await repo().get(bala))?.position).toBeNull();
  });

  it('lists every driver by id in byte order, and no account without a driver row', async () => {
    await addDriver('b-driver', 'Bala');
    await addDriver('Z-driver', 'Zed');
    await addDriver('a-driver', 'Asha');
    await addDriver('no-row', 'Nobody', false);
    expect((await repo().all()).map((d) => d.id)).toEqual(['Z-driver', 'a-driver', 'b-driver']);
    expect(await repo().get('no-row')).toBeNull();
  });

  it('gives an account without a driver row one off shift, and leaves an existing row as it is', async () => {
    const late = await addDriver('late', 'Late Comer', false);
    await repo().ensure(late, 42);
    expect(await repo().get(late)).toMatchObject({ phone: '', capacity: 2, onShift: false, shiftChangedAt: 42, position: null });

    const ravi = await addDriver('ravi', 'Ravi', { onShift: true, capacity: 4 }, 10);
    await repo().ensure(ravi, 99);
    expect(await repo().get(ravi)).toMatchObject({ phone: '+91 98450 22222', capacity: 4, onShift: true, shiftChangedAt: 10 });
  });

  it('puts a driver on and off shift, noting when', async () => {
    const ravi = await addDriver('ravi', 'Ravi');
    await repo().setShift(ravi, true, 20);
    expect(await repo().get(ravi)).toMatchObject({ onShift: true, shiftChangedAt: 20 });
    await repo().setShift(ravi, false, 30);
    expect(await repo().get(ravi)).toMatchObject({ onShift: false, shiftChangedAt: 30 });
  });

  it('takes a device fix over a declared position, however old, and over an older fix, but never an older one', async () => {
    const ravi = await addDriver('ravi', 'Ravi', { position: DECLARED });
    await repo().recordPosition(ravi, fix(50));
    expect((await repo().get(ravi))?.position).toEqual(fix(50));
    await repo().recordPosition(ravi, fix(40, 13.5));
    expect((await repo().get(ravi))?.position).toEqual(fix(50));
    await repo().recordPosition(ravi, fix(50, 13.1));
    expect((await repo().get(ravi))?.position).toEqual(fix(50, 13.1));
    await repo().recordPosition(ravi, fix(60, 13.2));
    expect((await repo().get(ravi))?.position).toEqual(fix(60, 13.2));
  });

  it('takes a first fix for a driver with no position', async () => {
    const ravi = await addDriver('ravi', 'Ravi');
    await repo().recordPosition(ravi, fix(5));
    expect((await repo().get(ravi))?.position).toEqual(fix(5));
  });

  it('keeps the latest assignment and delivery end of each driver, never moving them back', async () => {
    const ravi = await addDriver('ravi', 'Ravi');
    const asha = await addDriver('asha', 'Asha');
    await repo().noteAssigned(ravi, 100);
    await repo().noteAssigned(ravi, 50);
    await repo().noteDeliveryEnded(ravi, 300);
    await repo().noteDeliveryEnded(ravi, 200);
    expect(await repo().get(ravi)).toMatchObject({ lastAssignedAt: 100, lastDeliveryEndedAt: 300 });
    await repo().noteAssigned(ravi, 400);
    await repo().noteDeliveryEnded(ravi, 300);
    expect(await repo().get(ravi)).toMatchObject({ lastAssignedAt: 400, lastDeliveryEndedAt: 300 });
    expect(await repo().get(asha)).toMatchObject({ lastAssignedAt: null, lastDeliveryEndedAt: null });
  });

  it('changes nothing, and refuses nothing, for a driver who is not stored', async () => {
    const ghost = UserIdSchema.parse('ghost');
    await repo().setShift(ghost, true, 1);
    await repo().recordPosition(ghost, fix(1));
    await repo().noteAssigned(ghost, 1);
    await repo().noteDeliveryEnded(ghost, 1);
    expect(await repo().all()).toEqual([]);
  });
});
