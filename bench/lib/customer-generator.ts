import path from 'node:path';
import { readCsvObjects } from './list-reader';
import { seededRng } from './seeded-rng';

export interface GeneratedCustomer {
  reference: string;
  name: string;
  type?: string;
  birthDate?: string;
  country?: string;
}

/**
 * A customer book of `count` people whose names are drawn from the yente benchmark's synthetic people (given names,
 * middle names and surnames of many scripts and countries, recombined), with their birth dates and nationalities:
 * realistic names, few exact duplicates, and none of them a listed person by construction of the source files.
 */
export function* generateCustomers(dataDir: string, count: number, seed = 17): Generator<GeneratedCustomer> {
  const dir = path.join(dataDir, 'benchmark_name_matching_yente');
  const people = [
    ...readCsvObjects(path.join(dir, 'negatives_global.csv')),
    ...readCsvObjects(path.join(dir, 'negatives_us.csv')),
  ];
  const firsts = [...new Set(people.map((p) => p['first_name']).filter((v): v is string => !!v))];
  const middles = [...new Set(people.map((p) => p['middle_name']).filter((v): v is string => !!v))];
  const lasts = [...new Set(people.map((p) => p['last_name']).filter((v): v is string => !!v))];
  const random = seededRng(seed);
  const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)] as T;
  for (let i = 0; i < count; i++) {
    const person = pick(people);
    const middle = random() < 0.25 ? ` ${pick(middles)}` : '';
    yield {
      reference: `C-${i}`,
      name: `${pick(firsts)}${middle} ${pick(lasts)}`,
      type: 'person',
      ...(random() < 0.5 && person['date_of_birth'] && { birthDate: person['date_of_birth'] }),
    };
  }
}
