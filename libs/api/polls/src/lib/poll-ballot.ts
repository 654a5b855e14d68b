import { BadRequestException } from '@nestjs/common';
import type { BallotRequest } from '@helix/contract';
import { normaliseAnswer } from './format-tally';
import type { BallotRecord, PollRecord } from './schemas/poll.schema';

type BallotContent = Omit<BallotRecord, 'group' | 'at'>;

/** What a ballot stores, checked against the poll's kind and options; a 400 for anything it cannot take. */
export function ballotOf(poll: PollRecord, request: BallotRequest): BallotContent {
  const known = new Set(poll.options.map((option) => option.id));
  const requireKnown = (ids: string[]) => {
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new BadRequestException(`Unknown option: ${unknown.join(', ')}`);
  };
  const kind = poll.kind ?? 'choice';
  switch (kind) {
    case 'choice': {
      const optionIds = given(request.optionIds, 'option ids');
      requireKnown(optionIds);
      if (!poll.multiple && optionIds.length > 1) throw new BadRequestException('This poll takes one option');
      return { optionIds };
    }
    case 'ranking': {
      const optionIds = given(request.optionIds, 'every option in order');
      requireKnown(optionIds);
      if (optionIds.length !== known.size)
        throw new BadRequestException('A ranking puts every option in order');
      return { optionIds };
    }
    case 'word_cloud': {
      const words = [...new Set(given(request.words, 'words').map(normaliseAnswer))].filter(Boolean);
      if (!words.length) throw new BadRequestException('Give at least one word');
      return { optionIds: [], words };
    }
    case 'rating': {
      const ratings = given(request.ratings, 'ratings');
      const optionIds = Object.keys(ratings);
      if (!optionIds.length) throw new BadRequestException('Rate at least one option');
      requireKnown(optionIds);
      const scale = poll.scale ?? 5;
      if (Object.values(ratings).some((score) => score > scale))
        throw new BadRequestException(`Scores go from 1 to ${scale}`);
      return { optionIds, ratings };
    }
  }
}

/** The answer of the one shape this kind takes; a ballot of another kind is a 400, not ignored. */
function given<T>(answer: T | undefined, what: string): T {
  if (answer === undefined) throw new BadRequestException(`This poll takes ${what}`);
  return answer;
}
