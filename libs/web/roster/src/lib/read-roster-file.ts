import type { RosterImportRequest } from '@helix/contract';

/** A chosen file as the import takes it: CSV as text, XLSX as base64 of its bytes. */
export async function readRosterFile(file: File): Promise<RosterImportRequest> {
  if (!/\.xlsx$/i.test(file.name)) return { format: 'csv', content: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { format: 'xlsx', content: btoa(binary) };
}

/** The address a badge's QR code carries. */
export const badgeLink = (origin: string, token: string): string =>
  `${origin}/b/${encodeURIComponent(token)}`;
