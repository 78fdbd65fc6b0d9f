import { indexableEntity } from '@sanctions/shared/lists';
import { openList } from '@sanctions/shared/lists/importers';
import type { MatchableEntity } from '@sanctions/shared/matching';
import { SEED_PATH } from './list-factories';

/**
 * Every entity of the seed dataset, as an officer might mistype or respell it: a letter dropped, doubled or swapped, a
 * British spelling, another romanisation, given name and surname in the customer's order.
 */
export const SEED_MISSPELLINGS: readonly [query: string, sourceEntityId: string][] = [
  ['Central Public Prosecutor Ofice', 'ofac-30184'],
  ['Moxin Cartoon', 'ofac-31042'],
  ['Sensetyme Group Ltd', 'ofac-33114'],
  ['Myanmar War Veterens Organisation', 'ofac-33536'],
  ['Directorate of Defence Industries', 'ofac-33537'],
  ['Quatermaster General Office', 'ofac-33538'],
  ['Ree Yong Gil', 'ofac-33936'],
  ['Rapid Action Batallion', 'ofac-33951'],
  ['Benazir Ahmad', 'ofac-33952'],
  ['Chowdury Abdulla Al Mamun', 'ofac-33953'],
  ['Muhammad Anwar Lateef Khan', 'ofac-33954'],
  ['Tofail Mustafa Sorwer', 'ofac-33955'],
  ['Myo Swe Winn', 'ofac-33973'],
  ['Saw Myintt Oo', 'ofac-34016'],
  ['Maung Koh', 'ofac-34017'],
  ['Khat Htain Nan', 'ofac-34018'],
  ['Europian Institute Justo', 'ofac-34020'],
  ['Dmitri Yurievich Soin', 'ofac-34021'],
  ['SEK Studeo', 'ofac-34022'],
  ['Nings Carton Studio', 'ofac-34023'],
  ['Lu He Zheng', 'ofac-34024'],
  ['Shanghai Hongmann Cartoon and Animation Design Studio', 'ofac-34025'],
  ['Khan Mohamad Azad', 'ofac-34076'],
  ['Mohammad Jahangeer Alam', 'ofac-34077'],
  ['Shohrat Zakyr', 'ofac-34079'],
  ['Erkin Tuniaz', 'ofac-34119'],
];

/** The seed dataset read by the product's importer, as the entities the matcher indexes. */
export async function seedEntities(): Promise<MatchableEntity[]> {
  const list = await openList('seed', SEED_PATH);
  const out: MatchableEntity[] = [];
  for await (const e of list.entities) out.push(indexableEntity(e.sourceEntityId, e));
  return out;
}
