import type { Translated } from '@helix/contract';

/**
 * The forum of forum-seed.text.ts, which a fresh install opens with: the II International Forum of University
 * Cities, Tomsk, 30 November – 2 December 2017. Its rooms come from the parsed text; their Russian texts are
 * below (the announcement is in English only; these were written for the forum, which was held in Russian).
 */
export const SEED_FORUM = {
  slug: 'university-cities-2017',
  title: {
    en: 'II International Forum of University Cities “Energy of universities for municipal and regional development”',
    ru: 'II Международный форум университетских городов «Энергия университетов для муниципального и регионального развития»',
  },
  description: {
    en: 'The Forum aims to develop a common agenda to increase the impact of university on the development of new economy, concentration of hi-tech business in cities and regions, development of campus as a magnet for companies; partnership between authorities, business and university to transform the economy and respond to social challenges.',
    ru: 'Цель форума — выработать общую повестку, которая усилит влияние университета на развитие новой экономики, концентрацию высокотехнологичного бизнеса в городах и регионах, превращение кампуса в магнит для компаний, партнёрство власти, бизнеса и университета для преобразования экономики и ответа на социальные вызовы.',
  },
  venue: { en: 'Tomsk State University, Tomsk', ru: 'Томский государственный университет, Томск' },
  startsAt: new Date('2017-11-30T03:00:00Z'),
  endsAt: new Date('2017-12-02T12:00:00Z'),
  timeZone: 'Asia/Tomsk',
} as const satisfies {
  slug: string;
  title: Translated;
  description: Translated;
  venue: Translated;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
};

interface RussianRoom {
  title: string;
  description: string;
  keyQuestions: string[];
}

const cluster = (name: string, field: string): RussianRoom => ({
  title: name,
  description: `Один из шести инновационных территориальных кластеров проекта ИНО Томск: здесь университеты, компании, власть и общественность вырабатывают совместные инициативы в области ${field}.`,
  keyQuestions: [],
});

/** The Russian texts of the seed rooms, by the slug the parser gives each. */
export const SEED_ROOMS_RU: Readonly<Record<string, RussianRoom>> = {
  'university-and-the-economy-of-the-city-region': {
    title: 'Университет и экономика города/региона',
    description:
      'Первый трек «Университет и экономика города/региона» посвящён роли университета в развитии новой экономики города и региона.',
    keyQuestions: [
      'Как выстроить сотрудничество власти, бизнеса и университета для преобразования экономики города и региона?',
      'Как превратить университетский кампус в магнит для компаний и городское пространство нового типа?',
      'Как создать пространство согласия для выработки и реализации совместных инициатив?',
    ],
  },
  'university-in-an-urban-ecosystem': {
    title: 'Университет в городской экосистеме',
    description:
      'Трек «Университет в городской экосистеме» посвящён урбанизации и развитию города при решении экономических, политических, социальных и экологических задач.',
    keyQuestions: [
      'Какая среда нужна университетам, чтобы рождать экспериментальные решения острых экологических и городских проблем?',
      'Может ли урбанизация быть более продуманной и ответственной?',
      'Какие знания и навыки нужны, чтобы отвечать на глобальные экологические вызовы?',
    ],
  },
  'university-and-social-changes': {
    title: 'Университет и социальные изменения',
    description:
      'Роль университетов как двигателей социальных изменений — тема трека «Университет и социальные изменения».',
    keyQuestions: [
      'Как университет обеспечивает концентрацию талантов в городах?',
      'Каковы приоритеты развития академической мобильности?',
      'Как развивать рынок труда и отвечать на социальные вызовы?',
      'Какие практики позволяют гражданам «третьего возраста» участвовать в социально-экономическом развитии города и региона?',
    ],
  },
  'petrochemical-cluster': cluster('Нефтехимический кластер', 'нефтехимии'),
  'nuclear-technologies-cluster': cluster('Кластер ядерных технологий', 'ядерных технологий'),
  'timber-and-pharmaceutical-cluster': cluster(
    'Лесопромышленный и фармацевтический кластер',
    'лесной промышленности и фармацевтики',
  ),
  'medical-equipment-and-it-cluster': cluster(
    'Кластер медицинской техники и ИТ',
    'медицинской техники и информационных технологий',
  ),
  'wildlife-resources-cluster': cluster('Кластер дикоросов', 'дикорастущих ресурсов'),
  'hard-to-recover-resources-cluster': cluster(
    'Кластер трудноизвлекаемых запасов',
    'трудноизвлекаемых запасов нефти',
  ),
};
