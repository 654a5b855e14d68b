import type { RequestLanguage } from './request-language';

/**
 * Russian for every message the API sends, keyed by the English one as it is thrown. `{name}` stands
 * for a part that varies; it is carried over, translated through WORDS when its name is in TRANSLATED.
 * A spec scans libs/api for thrown messages, so a new one without a line here fails the build.
 */
export const RUSSIAN_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  // Sent by the framework, the filter and the guards for every route.
  'Something went wrong on our side': 'Что-то пошло не так на сервере',
  'The request body is too large': 'Запрос слишком большой',
  'The request body is not valid JSON': 'Тело запроса — не корректный JSON',
  'The request body could not be read ({type})': 'Не удалось прочитать тело запроса ({type})',
  'The database is unavailable; try again shortly': 'База данных недоступна; попробуйте чуть позже',
  'Too many requests: wait a moment and try again': 'Слишком много запросов: подождите немного и повторите',
  'Too fast; wait a moment and try again': 'Слишком быстро; подождите немного и повторите',
  'Metrics are off: set METRICS_TOKEN to turn them on':
    'Метрики выключены: задайте METRICS_TOKEN, чтобы их включить',
  'Metrics need Authorization: Bearer <METRICS_TOKEN>':
    'Для метрик нужен заголовок Authorization: Bearer <METRICS_TOKEN>',
  'Cannot {method} {path}': 'Адрес не найден: {method} {path}',
  '{method} is not allowed here': 'Метод {method} здесь не поддерживается',
  "Failed to decode param '{param}'": "Не удалось разобрать параметр '{param}'",
  'Sign in first: the access token is missing, invalid or expired':
    'Сначала войдите: токен доступа отсутствует, недействителен или истёк',
  'Only {roles} may do this': 'Это может сделать только {roles}',
  Unauthorized: 'Требуется вход',
  'Forbidden resource': 'Доступ запрещён',
  'Not Found': 'Не найдено',
  'Invalid input': 'Неверное значение',
  'must be a 24-character hexadecimal id': 'нужен id из 24 шестнадцатеричных символов',

  // Accounts and sessions.
  'Invalid email address': 'Неверный адрес эл. почты',
  'The email or password is not correct': 'Неверная эл. почта или пароль',
  'An account with this email already exists': 'Аккаунт с такой эл. почтой уже есть',
  'No such user': 'Такого пользователя нет',
  'Only admins, organizers and moderators may see the people directory':
    'Список участников видят только администраторы, организаторы и модераторы',
  'No such person': 'Такого человека нет',

  // A forum's roster and its badges.
  'Some lines of the file are not valid: nothing was imported':
    'В файле есть ошибочные строки: ничего не импортировано',
  'The file lists nobody': 'В файле нет ни одного человека',
  'This column is missing': 'Этого столбца нет',
  'Not a stakeholder group we know': 'Такой группы стейкхолдеров нет',
  'This e-mail is on line {line} too': 'Эта эл. почта есть и в строке {line}',
  'The file could not be read as CSV': 'Не удалось прочитать файл как CSV',
  'The file could not be read as XLSX': 'Не удалось прочитать файл как XLSX',
  'This badge link is not valid': 'Эта ссылка с бейджа недействительна',
  'This badge link was revoked: ask the organizers for a new badge':
    'Ссылка с этого бейджа отозвана: попросите у организаторов новый бейдж',
  'This badge was replaced by a new one: use the new badge':
    'Этот бейдж заменён новым: воспользуйтесь новым бейджем',
  'Nobody with this id is on the forum’s roster': 'В списке участников форума нет никого с таким id',
  'The password is not correct': 'Пароль неверен',
  'Only the author’s own messages': 'Только собственные сообщения автора',
  'Only the author’s own threads': 'Только собственные темы автора',
  'Only the asker’s own questions': 'Только собственные вопросы автора',
  'You are already in this stakeholder group': 'Вы уже состоите в этой группе участников',
  'No such group change request': 'Такого запроса на смену группы нет',
  'This request is no longer waiting for a decision': 'Этот запрос уже не ждёт решения',
  'Only admins and forum organizers decide group changes':
    'Решать о смене группы могут только администраторы и организаторы форумов',
  'Send at least one of displayName, organization, language':
    'Укажите хотя бы одно из: displayName, organization, language',
  'This person has no such signed-in session': 'У этого человека нет такого сеанса входа',
  'This link is invalid, expired or already used: ask for a new one':
    'Ссылка недействительна, истекла или уже использована: запросите новую',
  'The refresh token is invalid, expired or revoked': 'Токен обновления недействителен, истёк или отозван',
  'This refresh token was already used; the session has been ended':
    'Этот токен обновления уже использован; сеанс завершён',
  'The token is invalid or belongs to someone else': 'Токен недействителен или принадлежит другому человеку',
  'Too many failed sign-ins from here; wait a moment and try again':
    'Слишком много неудачных попыток входа отсюда; подождите немного и повторите',
  'Too many failed sign-ins for this account; try again later':
    'Слишком много неудачных попыток входа в этот аккаунт; повторите позже',

  // Rooms, threads and messages.
  'No such room': 'Такой комнаты нет',
  'No such thread in this room': 'В этой комнате нет такой темы',
  'Only a moderator or an admin may pin, lock or resolve a thread':
    'Закрепить, закрыть или отметить тему решённой может только модератор или администратор',
  'Only the author or a moderator may rename or delete this thread':
    'Переименовать или удалить тему может только её автор или модератор',
  'Others have written in this thread: ask a moderator to remove it':
    'В этой теме писали другие: попросите модератора удалить её',
  'No such message': 'Такого сообщения нет',
  'This thread is locked by a moderator': 'Модератор закрыл эту тему',
  'This clientId was already used for something else': 'Этот clientId уже использован для другого',
  'A deleted message cannot be edited': 'Удалённое сообщение нельзя изменить',
  'A hidden message cannot be edited': 'Скрытое сообщение нельзя изменить',
  'A deleted message cannot be hidden': 'Удалённое сообщение нельзя скрыть',
  'This message is already hidden': 'Это сообщение уже скрыто',
  'A deleted message cannot get reactions': 'На удалённое сообщение нельзя реагировать',
  'A hidden message cannot get reactions': 'На скрытое сообщение нельзя реагировать',
  'Only a moderator or an admin may hide a message':
    'Скрыть сообщение может только модератор или администратор',
  'Only the author or a moderator may change this message':
    'Изменить это сообщение может только автор или модератор',
  'Only the author may edit this message': 'Править это сообщение может только его автор',
  "A moderator deleting someone else's message must give a reason":
    'Модератор, удаляющий чужое сообщение, должен указать причину',
  'The message was changed meanwhile; look again': 'Сообщение тем временем изменилось; посмотрите ещё раз',
  'replyTo must be a message of the same thread': 'replyTo должен указывать на сообщение той же темы',
  'The room is too busy; try again': 'Комната перегружена; попробуйте ещё раз',
  'This server is restarting; try again': 'Сервер перезапускается; попробуйте ещё раз',
  'An event may carry at most {size} KB': 'Событие может весить не больше {size} КБ',
  'An event may nest at most {depth} levels deep':
    'Событие может иметь не больше {depth} уровней вложенности',
  'letters, digits, _ and - only': 'только латинские буквы, цифры, _ и -',
  'give title, pinned, locked or resolved': 'укажите title, pinned, locked или resolved',
  'give qaReview, qaOpen or projector': 'укажите qaReview, qaOpen или projector',

  // Forums, rooms and the agenda.
  'No such forum': 'Такого форума нет',
  'No forum is live with this code': 'Сейчас нет форума с таким кодом',
  'A forum with this slug exists already': 'Форум с таким коротким именем уже есть',
  'No published outcome for this forum': 'Итоги этого форума не опубликованы',
  'Only an admin or an organizer of this forum may do this':
    'Это может сделать только администратор или организатор этого форума',
  'Nobody has an account with this email': 'Аккаунта с такой эл. почтой нет',
  'The forum is {status}; only a draft opens': 'Форум в статусе «{status}»: открыть можно только черновик',
  'The forum is {status}; only a live forum closes':
    'Форум в статусе «{status}»: закрыть можно только идущий форум',
  '“{title}” is live: close it first': 'Сейчас идёт «{title}»: сначала закройте его',
  'The forum was changed meanwhile; look again': 'Форум тем временем изменился; посмотрите ещё раз',
  'This forum is closed: it can be read, not changed': 'Форум закрыт: его можно читать, но не менять',
  'This room is archived: it can be read, not changed': 'Комната в архиве: её можно читать, но не менять',
  'A forum with this id or slug exists already': 'Форум с таким идентификатором или коротким именем уже есть',
  'Some of the forum’s documents exist here already': 'Часть документов этого форума здесь уже есть',
  'The archive is too large': 'Архив слишком большой',
  'The archive does not hold its forum': 'В архиве нет его форума',
  'The archive holds unknown collections: {collections}': 'В архиве неизвестные коллекции: {collections}',
  'This is not a Helix forum archive (no manifest)': 'Это не архив форума Helix (нет описи)',
  'This is not a Helix forum archive (not gzipped ndjson)':
    'Это не архив форума Helix (не сжатый gzip ndjson)',
  'The archive holds a line that is not JSON': 'В архиве есть строка, которая не JSON',
  'The archive has schema version {version} (Helix {helix}); this Helix ({ours}) reads schema version {schema}':
    'Архив записан в версии схемы {version} (Helix {helix}); этот Helix ({ours}) читает версию схемы {schema}',
  'This forum already has a room with that short name':
    'В этом форуме уже есть комната с таким коротким именем',
  'Give the room a slug: its title makes none':
    'Укажите короткое имя комнаты: из её названия его не составить',
  'Not a room of this forum: {rooms}': 'Это не комнаты этого форума: {rooms}',
  'The room belongs to another forum': 'Комната относится к другому форуму',
  'No such session': 'Такой сессии нет',
  'This session is over; it can no longer change': 'Сессия закончилась; её уже нельзя менять',
  'This session has started; its start can no longer move': 'Сессия началась; её начало уже не перенести',
  'This session is running; end it before removing it': 'Сессия идёт; завершите её, прежде чем удалять',
  'startsAt must come before endsAt': 'startsAt должно быть раньше endsAt',
  'Questions are closed in this room right now': 'Сейчас в этой комнате вопросы не принимаются',
  'an IANA time zone such as Asia/Tomsk': 'часовой пояс IANA, например Asia/Tomsk',
  'give at least one field': 'укажите хотя бы одно поле',
  'give en, ru or both': 'укажите en, ru или оба',
  'lowercase letters, digits and dashes, at most 60':
    'строчные латинские буквы, цифры и дефисы, не больше 60',
  'six letters or digits': 'шесть букв или цифр',
  'No {kind} can be shown in this deployment': 'Здесь нельзя вывести на экран: {kind}',
  'targetId is required for a poll or an initiative, and only for them':
    'targetId нужен для опроса или инициативы, и только для них',

  // Polls.
  'No such poll': 'Такого опроса нет',
  'No such poll in this room': 'В этой комнате нет такого опроса',
  'Only a draft poll can be edited': 'Изменить можно только черновик опроса',
  'The poll is {status}, not open for votes': 'Опрос в статусе «{status}»: голосовать в нём нельзя',
  'The poll is {status}; it cannot become {to}': 'Опрос в статусе «{status}» нельзя перевести в «{to}»',
  'Unknown option: {options}': 'Неизвестный вариант: {options}',
  'This poll takes one option': 'В этом опросе можно выбрать только один вариант',
  'A draft poll cannot be shown; open it first': 'Черновик опроса нельзя показать; сначала откройте опрос',
  'each option at most once': 'каждый вариант не больше одного раза',
  'options must differ': 'варианты должны различаться',

  // Initiatives.
  'No such initiative': 'Такой инициативы нет',
  'The initiative was changed meanwhile; look again':
    'Инициатива тем временем изменилась; посмотрите ещё раз',
  'Only the proposer edits an initiative': 'Изменить инициативу может только её автор',
  'Only a draft can be edited': 'Изменить можно только черновик',
  'Only the proposer or a moderator opens voting': 'Открыть голосование может только автор или модератор',
  'Voting cannot open: the initiative is {status}':
    'Голосование нельзя открыть: инициатива в статусе «{status}»',
  'Voting is not open: the initiative is {status}': 'Голосование не открыто: инициатива в статусе «{status}»',
  'closesAt must be in the future': 'closesAt должно быть в будущем',
  'Voting has closed': 'Голосование закрыто',
  'A draft initiative cannot be shown yet': 'Черновик инициативы пока нельзя показать',
  'A withdrawn initiative cannot be shown': 'Отозванную инициативу показать нельзя',
  "Only the proposer, a moderator of the initiative's room or an organizer withdraws a draft":
    'Отозвать черновик может только автор, модератор комнаты инициативы или организатор',
  'Only a draft can be withdrawn; the initiative is {status}':
    'Отозвать можно только черновик; инициатива в статусе «{status}»',
  'give at least one field to change': 'укажите хотя бы одно поле для изменения',
  'a reason is required to disagree or block': 'чтобы возразить или заблокировать, нужна причина',
  'Only a member of an invited organization, in its stakeholder group, answers for it':
    'Ответить на приглашение может только участник приглашённой организации из её группы',
  "The proposer's organization is a partner by proposing; it cannot decline":
    'Организация автора — партнёр уже потому, что предложила инициативу; отказаться она не может',
  'Partners answer until voting closes; the initiative is {status}':
    'Партнёры отвечают, пока не закрыто голосование; инициатива в статусе «{status}»',
  '{field} {value} is below the forum minimum of {limit}': '{field} = {value} ниже минимума форума ({limit})',
  '{field} {value} is above the forum maximum of {limit}':
    '{field} = {value} выше допустимого на форуме ({limit})',
  'source names no message of that thread and room':
    'в source указано сообщение, которого нет в этой теме и комнате',

  // Questions.
  'No such question': 'Такого вопроса нет',
  'You cannot upvote your own question': 'Нельзя поддержать собственный вопрос',
  'This question no longer takes upvotes': 'Этот вопрос больше не принимает голоса',
  'The question was changed meanwhile; look again': 'Вопрос тем временем изменился; посмотрите ещё раз',
  'Only approved questions take upvotes; this one is {status}':
    'Голосовать можно только за одобренные вопросы; этот в статусе «{status}»',
  'This question is {status}; its upvotes cannot change':
    'Вопрос в статусе «{status}»: голоса за него изменить нельзя',

  // Statements.
  'No such statement': 'Такого утверждения нет',
  'This statement was rejected; it cannot come back': 'Это утверждение отклонено; вернуть его нельзя',
  'The statement was changed meanwhile; look again':
    'Утверждение тем временем изменилось; посмотрите ещё раз',
  'This statement is waiting for review; it takes no votes yet':
    'Это утверждение ждёт модерации; голосовать за него пока нельзя',
  'This statement was rejected; it takes no votes': 'Это утверждение отклонено; голосовать за него нельзя',
  'You have already voted on this statement': 'Вы уже голосовали по этому утверждению',
  'This statement no longer takes votes': 'Это утверждение больше не принимает голоса',

  // Amendments and pledges.
  'say what would have to change to disagree or block':
    'чтобы не согласиться или заблокировать, напишите, что должно измениться',
  'Amendments are proposed while voting is open; it is {status}':
    'Поправки предлагают, пока идёт голосование; сейчас: {status}',
  'Amendments are answered while voting is open; it is {status}':
    'На поправки отвечают, пока идёт голосование; сейчас: {status}',
  'An initiative takes at most {max} amendments': 'У инициативы может быть не больше {max} поправок',
  'answersObjections: {id} has no disagreement or block to answer':
    'answersObjections: у {id} нет несогласия или блока, на которые можно ответить',
  'change at least one of title, summary or partners':
    'измените хотя бы одно: название, описание или партнёров',
  'No such amendment': 'Такой поправки нет',
  'The amendment is already {status}': 'Поправка уже {status}',
  "Only the initiative's proposer accepts or declines an amendment":
    'Принять или отклонить поправку может только автор инициативы',
  'An initiative takes at most {max} pledges': 'У инициативы может быть не больше {max} обязательств',
  'No such pledge': 'Такого обязательства нет',
  'Pledges are recorded once adopted; it is {status}':
    'Обязательства записывают после принятия инициативы; сейчас: {status}',
  'Only a member of a confirmed partner, or a moderator, records a pledge':
    'Записать обязательство может только участник подтверждённого партнёра или модератор',
  'Only the pledging partner or a moderator reports its progress':
    'Сообщить о ходе выполнения может только взявший обязательство партнёр или модератор',

  // Live formats.
  'A draft has no answers to hide': 'В черновике нет ответов, которые можно скрыть',
  'Only a word cloud has words to hide': 'Скрывать слова можно только в облаке слов',
  'A ranking puts every option in order': 'В ранжировании нужно расставить по порядку все варианты',
  'Give at least one word': 'Напишите хотя бы одно слово',
  'Rate at least one option': 'Оцените хотя бы один вариант',
  'Scores go from 1 to {max}': 'Оценки — от 1 до {max}',
  'This poll takes {what}': 'Этот опрос принимает {what}',
  'The poll changed meanwhile; try again': 'Опрос тем временем изменился; попробуйте ещё раз',

  // Invitations.
  'No such invitation': 'Такого приглашения нет',
  'No such invitation: check the link, or ask for a new one':
    'Такого приглашения нет: проверьте ссылку или попросите новую',
  'This clientId was used for an invitation to another forum':
    'Этот clientId уже использован для приглашения на другой форум',
  'This invitation has been used as many times as it allows':
    'Этим приглашением уже воспользовались столько раз, сколько оно позволяет',
  'This invitation has expired: ask for a new one': 'Срок приглашения истёк: попросите новое',
  'This invitation was withdrawn by its organizers': 'Организаторы отозвали это приглашение',
  'This invitation’s organizer no longer has an account':
    'У организатора этого приглашения больше нет аккаунта',

  // Rooms and search.
  'No such room: {id}': 'Такой комнаты нет: {id}',
  'Search is still indexing what was written before Helix started ({count} to go); try again in a few seconds':
    'Поиск ещё индексирует написанное до запуска Helix (осталось {count}); повторите через несколько секунд',
};

/** Placeholders whose values are our own words (statuses, roles, kinds); others are kept as sent. */
const TRANSLATED = new Set(['status', 'to', 'roles', 'kind']);

const WORDS: Readonly<Record<string, string>> = {
  or: 'или',
  participant: 'участник',
  moderator: 'модератор',
  admin: 'администратор',
  // No word is shared between entities, so each status takes its own entity's gender.
  draft: 'черновик',
  live: 'идёт',
  open: 'открыт',
  closed: 'завершён',
  voting: 'идёт голосование',
  adopted: 'принята',
  rejected: 'отклонена',
  withdrawn: 'отозвана',
  pending: 'на модерации',
  approved: 'одобрен',
  answered: 'отвечен',
  dismissed: 'отклонён',
  poll: 'опрос',
  qa: 'вопросы',
  initiative: 'инициатива',
};

interface Template {
  pattern: RegExp;
  names: string[];
  russian: string;
}

const templates: Template[] = Object.entries(RUSSIAN_ERROR_MESSAGES)
  .filter(([english]) => english.includes('{'))
  .map(([english, russian]) => {
    const names: string[] = [];
    const source = english
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '(.+?)';
      })
      .join('');
    return { pattern: new RegExp(`^${source}$`, 's'), names, russian };
  });

const translateWords = (value: string): string => value.replace(/[a-z_]+/g, (word) => WORDS[word] ?? word);

/** The Russian for an English message, or undefined when the catalog has none. */
export function russianErrorMessage(message: string): string | undefined {
  const exact = RUSSIAN_ERROR_MESSAGES[message];
  if (exact !== undefined && !message.includes('{')) return exact;
  for (const template of templates) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    return template.names.reduce((text, name, index) => {
      const value = match[index + 1];
      return text.replace(`{${name}}`, () => (TRANSLATED.has(name) ? translateWords(value) : value));
    }, template.russian);
  }
  return undefined;
}

/** The message in the caller's language; an unknown message stays as it is rather than vanish. */
export function localizeErrorMessage(message: string, language: RequestLanguage): string {
  return language === 'ru' ? (russianErrorMessage(message) ?? message) : message;
}
