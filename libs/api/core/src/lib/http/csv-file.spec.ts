import { csvFile } from './csv-file';

const text = async (rows: unknown[][]): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of csvFile(rows, { title: 'x', date: new Date(0), fallback: 'x' }).getStream())
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').slice(1);
};

describe('csvFile', () => {
  it('prefixes with a quote every text cell a spreadsheet would run as a formula', async () => {
    const cells = ['=1+2', '+7', '-3', '@SUM(A1)', '\tcmd', '\r=1', 'plain', 'a=b', ' =x'];
    expect((await text([cells])).trimEnd()).toBe(
      [`'=1+2`, `'+7`, `'-3`, `'@SUM(A1)`, `"'\tcmd"`, `"'\r=1"`, 'plain', 'a=b', ' =x'].join(','),
    );
  });

  it('leaves numbers as numbers and quotes what could start a new cell', async () => {
    expect((await text([[3, 0, 'a;b', 'c\td', 'say "hi"']])).trimEnd()).toBe('3,0,"a;b","c\td","say ""hi"""');
  });
});
