import { describe, expect, it } from 'vitest';
import { parseYaml } from './support/yamlSubset';

describe('the YAML subset the deployment tests read', () => {
  it('reads nested mappings and sequences, quoted and plain scalars, as strings', () => {
    const yaml = [
      '# a comment',
      'services:',
      '  web:',
      '    image: "nginx:1"   # trailing comment',
      '    command: [\'a\', "b c", plain]',
      '    ports:',
      '      - "127.0.0.1:80:80"',
      '      - 443:443',
      '    environment:',
      "      QUOTE: 'it''s'",
      '      URL: postgres://u:${P:?set P}@db:5432/x',
      '      EMPTY:',
      '    deploy:',
      '      - name: one',
      '        size: "1"',
    ].join('\n');
    expect(parseYaml(yaml)).toEqual({
      services: {
        web: {
          image: 'nginx:1',
          command: ['a', 'b c', 'plain'],
          ports: ['127.0.0.1:80:80', '443:443'],
          environment: { QUOTE: "it's", URL: 'postgres://u:${P:?set P}@db:5432/x', EMPTY: null },
          deploy: [{ name: 'one', size: '1' }],
        },
      },
    });
  });

  it('resolves anchors, aliases and merge keys, the mapping’s own keys winning', () => {
    const yaml = ['base: &base', '  a: "1"', '  b: "2"', 'child:', '  b: "3"', '  <<: *base', 'same: *base'].join('\n');
    expect(parseYaml(yaml)).toEqual({ base: { a: '1', b: '2' }, child: { a: '1', b: '3' }, same: { a: '1', b: '2' } });
  });

  it('refuses what it does not understand, naming the line', () => {
    expect(() => parseYaml('a: |\n  text')).toThrow(/line 1: outside the subset/);
    expect(() => parseYaml('a: {b: c}')).toThrow(/line 1: outside the subset/);
    expect(() => parseYaml('a: [b, [c]]')).toThrow(/line 1: nested flow/);
    expect(() => parseYaml('a: *nothing')).toThrow(/line 1: unknown alias/);
    expect(() => parseYaml('a: b\na: c')).toThrow(/line 2: duplicate key a/);
    expect(() => parseYaml('a: b\n    c: d')).toThrow(/line 2: unexpected indentation/);
    expect(() => parseYaml('a:\n\t- b')).toThrow(/line 2: tabs/);
    expect(() => parseYaml('a: "open')).toThrow(/line 1: unterminated/);
  });
});
