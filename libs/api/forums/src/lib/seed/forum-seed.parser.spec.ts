import { FORUM_SEED_TEXT } from './forum-seed.text';
import { parseForumSeed, slugify } from './forum-seed.parser';

describe('parseForumSeed', () => {
  const rooms = parseForumSeed(FORUM_SEED_TEXT);
  const tracks = rooms.filter((room) => room.kind === 'track');
  const clusters = rooms.filter((room) => room.kind === 'cluster');

  it('finds the three tracks in the forum order, then the six clusters', () => {
    expect(tracks.map((track) => track.title)).toEqual([
      'University and the economy of the city/region',
      'University in an urban ecosystem',
      'University and social changes',
    ]);
    expect(clusters.map((cluster) => cluster.title)).toEqual([
      'Petrochemical cluster',
      'Nuclear technologies cluster',
      'Timber and pharmaceutical cluster',
      'Medical equipment and IT cluster',
      'Wildlife resources cluster',
      'Hard-to-recover resources cluster',
    ]);
    expect(rooms.map((room) => room.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('reads the key questions of each track, whether listed with semicolons or as sentences', () => {
    expect(tracks[0].keyQuestions).toEqual([
      'How to build cooperation between authorities, business and university to transform the economy of the city and the region?',
      'How to transform the university campus into a magnet for companies and a new type of city space?',
      'How to create a consensus space to develop and implement joint initiatives?',
    ]);
    expect(tracks[1].keyQuestions).toHaveLength(3);
    expect(tracks[1].keyQuestions[1]).toBe('Can urbanization be more thought-through and responsible?');
    expect(tracks[2].keyQuestions).toHaveLength(4);
    expect(tracks[2].keyQuestions[0]).toBe(
      'How does a university ensure the concentration of talent in cities?',
    );
  });

  it('describes each track by the sentence that introduces it', () => {
    expect(tracks[0].description).toMatch(
      /^Track one “University and the economy of the city\/region” is about/,
    );
    expect(tracks[2].description).toContain('drivers of social changes');
  });

  it('gives every room a unique slug', () => {
    expect(new Set(rooms.map((room) => room.slug)).size).toBe(9);
    expect(slugify('University and the economy of the city/region')).toBe(
      'university-and-the-economy-of-the-city-region',
    );
  });

  it('refuses a text whose cluster count does not match its list', () => {
    expect(() =>
      parseForumSeed('It is based on 5 innovation territorial clusters: a cluster, b cluster.'),
    ).toThrow(/announces 5 clusters but lists 2/);
  });
});
