import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../../../sync-server/export/csv';

describe('CSV cells', () => {
  it('quote text holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('never let text start a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+91 98450 00000')).toBe("'+91 98450 00000");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('write numbers as they are and nothing as an empty cell', () => {
    expect(csvRow([1, 'two', null, 3.5])).toBe('1,two,,3.5\r\n');
  });
});
