import { highlightParts } from './highlight';

describe('highlightParts', () => {
  it('marks each range and keeps the text between', () => {
    expect(highlightParts('Наша инициатива о кампусе', [[5, 15]])).toEqual([
      { text: 'Наша ', marked: false },
      { text: 'инициатива', marked: true },
      { text: ' о кампусе', marked: false },
    ]);
  });

  it('tolerates ranges out of order, overlapping and past the end', () => {
    expect(
      highlightParts('campus and campuses', [
        [11, 40],
        [0, 6],
        [3, 5],
      ]),
    ).toEqual([
      { text: 'campus', marked: true },
      { text: ' and ', marked: false },
      { text: 'campuses', marked: true },
    ]);
  });

  it('is the whole snippet unmarked without ranges', () => {
    expect(highlightParts('<b>no html</b>', [])).toEqual([{ text: '<b>no html</b>', marked: false }]);
  });
});
