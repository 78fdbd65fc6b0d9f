import { EventEmitter } from 'node:events';
import type { ScreeningView } from './screening-view';

/** A settled screening as a worker announces it: its id, and the answer when the worker has it. */
export interface Announced {
  id: string;
  /** The screening as GET /v1/screenings/:id shows it, as JSON: sent to the waiting client as it is. */
  answer?: string;
}

/**
 * The message announcing a committed group on the screening-done channel: one line per screening, its id, then a
 * space and its answer's JSON when the worker recorded it (JSON.stringify never writes a raw line break). A waiting
 * API request answers from its line without reading Postgres; an id alone means "settled, read it".
 */
export function announcementOf(settled: readonly { id: string; view?: ScreeningView }[]): string {
  return settled.map((s) => (s.view ? `${s.id} ${JSON.stringify(s.view)}` : s.id)).join('\n');
}

/** The screenings a message announces; also reads the older form, ids separated by commas. */
export function readAnnouncement(message: string): Announced[] {
  return message.split('\n').flatMap((line): Announced[] => {
    const space = line.indexOf(' ');
    if (space < 0) return line.split(',').map((id) => ({ id }));
    return [{ id: line.slice(0, space), answer: line.slice(space + 1) }];
  });
}

/**
 * Announcements made in this process, for this process's own waiters: under `npm start` the API and the worker
 * share a process, and the waiting request hears its answer without a round trip through Redis. The Redis message
 * still goes to every other process (and arrives here too, where it finds nobody left waiting).
 */
const localAnnouncements = new EventEmitter().setMaxListeners(0);

/** Hands a committed group's announcement to the waiters of this process, on the channel it is published on. */
export function announceLocally(channel: string, message: string): void {
  localAnnouncements.emit(channel, message);
}

/** Hears the announcements this process makes on `channel`; returns how to stop. */
export function onLocalAnnouncement(channel: string, listener: (message: string) => void): () => void {
  localAnnouncements.on(channel, listener);
  return () => localAnnouncements.off(channel, listener);
}
