/** Where the room's statements are voted on (a phone), and where their results go on the projector. */
export const statementsPath = (roomId: string): string => `/rooms/${encodeURIComponent(roomId)}/statements`;
export const statementsResultsPath = (roomId: string): string =>
  `/present/rooms/${encodeURIComponent(roomId)}/statements`;

/** Opinion groups are named A, B, C… on the map and in the lists. */
export const opinionGroupName = (index: number): string => String.fromCharCode(65 + index);
