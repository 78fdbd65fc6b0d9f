/**
 * ISO 3166-1 alpha-2 codes by English name, with the other names lists and customers use ("Burma", "DPRK",
 * "Iran (Islamic Republic of)"). Keys are folded by {@link foldCountry}.
 */
const COUNTRIES = `AD:Andorra|AE:United Arab Emirates;UAE;Emirates|AF:Afghanistan|AG:Antigua and Barbuda|AI:Anguilla|AL:Albania|
AM:Armenia|AO:Angola|AQ:Antarctica|AR:Argentina|AS:American Samoa|AT:Austria|AU:Australia|AW:Aruba|AX:Aland Islands|
AZ:Azerbaijan|BA:Bosnia and Herzegovina;Bosnia|BB:Barbados|BD:Bangladesh|BE:Belgium|BF:Burkina Faso|BG:Bulgaria|BH:Bahrain|
BI:Burundi|BJ:Benin|BL:Saint Barthelemy|BM:Bermuda|BN:Brunei;Brunei Darussalam|BO:Bolivia;Plurinational State of Bolivia|
BQ:Bonaire|BR:Brazil|BS:Bahamas;The Bahamas|BT:Bhutan|BW:Botswana|BY:Belarus|BZ:Belize|CA:Canada|CC:Cocos Islands|
CD:Democratic Republic of the Congo;Congo Democratic Republic;DRC;Congo Kinshasa;Zaire|CF:Central African Republic|
CG:Congo;Republic of the Congo;Congo Brazzaville|CH:Switzerland|CI:Cote d Ivoire;Ivory Coast|CK:Cook Islands|CL:Chile|
CM:Cameroon|CN:China;People s Republic of China;PRC|CO:Colombia|CR:Costa Rica|CU:Cuba|CV:Cabo Verde;Cape Verde|CW:Curacao|
CX:Christmas Island|CY:Cyprus|CZ:Czechia;Czech Republic|DE:Germany|DJ:Djibouti|DK:Denmark|DM:Dominica|
DO:Dominican Republic|DZ:Algeria|EC:Ecuador|EE:Estonia|EG:Egypt|EH:Western Sahara|ER:Eritrea|ES:Spain|ET:Ethiopia|
FI:Finland|FJ:Fiji|FK:Falkland Islands|FM:Micronesia|FO:Faroe Islands|FR:France|GA:Gabon|
GB:United Kingdom;UK;Great Britain;Britain;England;Scotland;Wales;Northern Ireland;United Kingdom of Great Britain and Northern Ireland|
GD:Grenada|GE:Georgia|GF:French Guiana|GG:Guernsey|GH:Ghana|GI:Gibraltar|GL:Greenland|GM:Gambia;The Gambia|GN:Guinea|
GP:Guadeloupe|GQ:Equatorial Guinea|GR:Greece|GT:Guatemala|GU:Guam|GW:Guinea-Bissau|GY:Guyana|HK:Hong Kong|HN:Honduras|
HR:Croatia|HT:Haiti|HU:Hungary|ID:Indonesia|IE:Ireland|IL:Israel|IM:Isle of Man|IN:India|IQ:Iraq|
IR:Iran;Islamic Republic of Iran;Iran Islamic Republic of|IS:Iceland|IT:Italy|JE:Jersey|JM:Jamaica|JO:Jordan|JP:Japan|
KE:Kenya|KG:Kyrgyzstan|KH:Cambodia|KI:Kiribati|KM:Comoros|KN:Saint Kitts and Nevis|
KP:North Korea;Korea North;DPRK;Democratic People s Republic of Korea;Korea Democratic People s Republic of|
KR:South Korea;Korea South;Republic of Korea;Korea Republic of;Korea|KW:Kuwait|KY:Cayman Islands|KZ:Kazakhstan|
LA:Laos;Lao People s Democratic Republic|LB:Lebanon|LC:Saint Lucia|LI:Liechtenstein|LK:Sri Lanka|LR:Liberia|LS:Lesotho|
LT:Lithuania|LU:Luxembourg|LV:Latvia|LY:Libya;Libyan Arab Jamahiriya|MA:Morocco|MC:Monaco|MD:Moldova;Republic of Moldova|
ME:Montenegro|MF:Saint Martin|MG:Madagascar|MH:Marshall Islands|MK:North Macedonia;Macedonia|ML:Mali|MM:Myanmar;Burma|
MN:Mongolia|MO:Macao;Macau|MP:Northern Mariana Islands|MQ:Martinique|MR:Mauritania|MS:Montserrat|MT:Malta|MU:Mauritius|
MV:Maldives|MW:Malawi|MX:Mexico|MY:Malaysia|MZ:Mozambique|NA:Namibia|NC:New Caledonia|NE:Niger|NF:Norfolk Island|
NG:Nigeria|NI:Nicaragua|NL:Netherlands;The Netherlands;Holland|NO:Norway|NP:Nepal|NR:Nauru|NU:Niue|NZ:New Zealand|OM:Oman|
PA:Panama|PE:Peru|PF:French Polynesia|PG:Papua New Guinea|PH:Philippines|PK:Pakistan|PL:Poland|PM:Saint Pierre and Miquelon|
PN:Pitcairn|PR:Puerto Rico|PS:Palestine;State of Palestine;West Bank;Gaza;Palestinian Territories|PT:Portugal|PW:Palau|
PY:Paraguay|QA:Qatar|RE:Reunion|RO:Romania|RS:Serbia|RU:Russia;Russian Federation|RW:Rwanda|SA:Saudi Arabia|
SB:Solomon Islands|SC:Seychelles|SD:Sudan|SE:Sweden|SG:Singapore|SH:Saint Helena|SI:Slovenia|SK:Slovakia|SL:Sierra Leone|
SM:San Marino|SN:Senegal|SO:Somalia|SR:Suriname|SS:South Sudan|ST:Sao Tome and Principe|SV:El Salvador|SX:Sint Maarten|
SY:Syria;Syrian Arab Republic|SZ:Eswatini;Swaziland|TC:Turks and Caicos Islands|TD:Chad|TG:Togo|TH:Thailand|TJ:Tajikistan|
TK:Tokelau|TL:Timor-Leste;East Timor|TM:Turkmenistan|TN:Tunisia|TO:Tonga|TR:Turkey;Turkiye|TT:Trinidad and Tobago|TV:Tuvalu|
TW:Taiwan|TZ:Tanzania;United Republic of Tanzania|UA:Ukraine|UG:Uganda|
US:United States;United States of America;USA;America|UY:Uruguay|UZ:Uzbekistan|VA:Holy See;Vatican|
VC:Saint Vincent and the Grenadines|VE:Venezuela;Bolivarian Republic of Venezuela|VG:British Virgin Islands;Virgin Islands British|
VI:US Virgin Islands|VN:Vietnam;Viet Nam|VU:Vanuatu|WF:Wallis and Futuna|WS:Samoa|XK:Kosovo|YE:Yemen|YT:Mayotte|
ZA:South Africa|ZM:Zambia|ZW:Zimbabwe`;

/** Lower case, no diacritics, punctuation as single spaces: "Côte d'Ivoire" → "cote d ivoire". */
export function foldCountry(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const CODES = new Set<string>();
const BY_NAME = new Map<string, string>();
for (const entry of COUNTRIES.replace(/\n/g, '').split('|')) {
  const [code, names] = entry.split(':') as [string, string];
  CODES.add(code);
  for (const name of names.split(';')) BY_NAME.set(foldCountry(name), code);
}

/** The alpha-2 code for an alpha-2 code or a country name, or undefined when unknown. */
export function countryCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return BY_NAME.get(foldCountry(trimmed));
}
