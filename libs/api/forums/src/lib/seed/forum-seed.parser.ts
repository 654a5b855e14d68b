import type { RoomKind } from '@helix/contract';

export interface SeedRoom {
  slug: string;
  kind: RoomKind;
  title: string;
  description: string;
  keyQuestions: string[];
  /** Position in the room list: tracks first, in the forum's order, then clusters. */
  order: number;
}

const TRACK_TITLE = /[Tt]rack(?: one| called)? “([^”]+)”/g;
const CLUSTER_LIST = /(\d+) innovation territorial clusters: ([^.]+)\./;
const QUESTION_LEAD = /(?:agenda|as follows):\s*(.+)$/;

/** Reads the three tracks (with their key questions) and the clusters out of the forum's announcement. */
export function parseForumSeed(text: string): SeedRoom[] {
  const tracks = parseTracks(text);
  const clusters = parseClusters(text);
  return [...tracks, ...clusters].map((room, order) => ({ ...room, order }));
}

function parseTracks(text: string): Omit<SeedRoom, 'order'>[] {
  const paragraphs = text.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim());
  return [...text.matchAll(TRACK_TITLE)].map(([, title]) => {
    const paragraph = paragraphs.find((candidate) => candidate.includes(`“${title}”`));
    if (!paragraph) throw new Error(`No paragraph describes the track “${title}”`);
    const sentences = splitSentences(paragraph);
    const titleSentence = sentences.find((sentence) => sentence.includes(`“${title}”`)) ?? '';
    return {
      slug: slugify(title),
      kind: 'track' as const,
      title,
      // The announcement introduces the first track after a list heading ("three “tracks”: ...").
      description: titleSentence.replace(/^.*”:\s*/, ''),
      keyQuestions: keyQuestions(sentences),
    };
  });
}

function keyQuestions(sentences: string[]): string[] {
  const leadIndex = sentences.findIndex((sentence) => QUESTION_LEAD.test(sentence));
  if (leadIndex < 0) return [];
  const lead = QUESTION_LEAD.exec(sentences[leadIndex])?.[1] ?? '';
  const inline = lead.includes(';') ? lead.split(';') : [lead];
  const following = lead.includes(';') ? [] : sentences.slice(leadIndex + 1).filter((s) => s.endsWith('?'));
  return [...inline, ...following]
    .map((question) => question.trim().replace(/[?.]*$/, '?'))
    .filter((question) => question.length > 1)
    .map((question) => question[0].toUpperCase() + question.slice(1));
}

function parseClusters(text: string): Omit<SeedRoom, 'order'>[] {
  const match = CLUSTER_LIST.exec(text.replace(/\s+/g, ' '));
  if (!match) throw new Error('The forum text names no clusters');
  const [, count, list] = match;
  const names = list
    .split(/,\s*(?:and\s+)?/)
    .map((item) =>
      item
        .replace(/^cluster of\s+/i, '')
        .replace(/\s+clusters?$/i, '')
        .trim(),
    )
    .filter(Boolean);
  if (names.length !== Number(count)) {
    throw new Error(`The forum text announces ${count} clusters but lists ${names.length}`);
  }
  return names.map((name) => {
    const title = `${name[0].toUpperCase()}${name.slice(1)} cluster`;
    return {
      slug: slugify(title),
      kind: 'cluster' as const,
      title,
      description: `One of the ${count} innovation territorial clusters of the INO Tomsk project: where universities, companies, government and civil society shape joint initiatives in ${name}.`,
      keyQuestions: [],
    };
  });
}

function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.?!])\s+(?=[A-Z“«])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
