/** The lists we know how to load: who publishes each, where, and under which licence. */
export interface ListSource {
  /** Our id for the list, used in entity ids ("ofac-sdn:33936") and in the API. */
  id: string;
  name: string;
  authority: string;
  /** Where the official list is published. */
  url: string;
  license: string;
}

export const LIST_SOURCES = {
  'ofac-sdn': {
    id: 'ofac-sdn',
    name: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)',
    authority: 'U.S. Department of the Treasury, Office of Foreign Assets Control',
    url: 'https://sanctionslist.ofac.treas.gov/Home/SdnList',
    license: 'Public domain (17 U.S.C. §105)',
  },
  'ofac-cons': {
    id: 'ofac-cons',
    name: 'OFAC Consolidated Sanctions List (Non-SDN Lists)',
    authority: 'U.S. Department of the Treasury, Office of Foreign Assets Control',
    url: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList',
    license: 'Public domain (17 U.S.C. §105)',
  },
  'un-sc': {
    id: 'un-sc',
    name: 'United Nations Security Council Consolidated List',
    authority: 'United Nations Security Council',
    url: 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list',
    license: 'Public, free to reuse',
  },
  'eu-fsf': {
    id: 'eu-fsf',
    name: 'EU Financial Sanctions Files (FSF)',
    authority: 'European Commission, DG FISMA',
    url: 'https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions',
    license: 'Reuse with acknowledgement (Decision 2011/833/EU)',
  },
  'uk-ofsi': {
    id: 'uk-ofsi',
    name: 'UK OFSI Consolidated List of Financial Sanctions Targets',
    authority: 'HM Treasury, Office of Financial Sanctions Implementation',
    url: 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets',
    license: 'Open Government Licence v3.0',
  },
  'ca-sema': {
    id: 'ca-sema',
    name: 'Canada Consolidated Autonomous Sanctions List (SEMA)',
    authority: 'Global Affairs Canada',
    url: 'https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx',
    license: 'Open Government Licence - Canada',
  },
  opensanctions: {
    id: 'opensanctions',
    name: 'OpenSanctions (FollowTheMoney entities)',
    authority: 'OpenSanctions',
    url: 'https://www.opensanctions.org/datasets/',
    license: 'CC BY-NC 4.0 (a commercial licence is needed for business use)',
  },
  seed: {
    id: 'seed',
    name: 'Seed dataset: US Human Rights Day sanctions of 10 December 2021',
    authority: 'U.S. Department of the Treasury, Office of Foreign Assets Control (as reported)',
    url: 'https://home.treasury.gov/news/press-releases/jy0526',
    license: 'Public domain facts; compiled by this project',
  },
} as const satisfies Record<string, ListSource>;

export type ListSourceId = keyof typeof LIST_SOURCES;

export function isListSourceId(id: string): id is ListSourceId {
  return Object.hasOwn(LIST_SOURCES, id);
}
