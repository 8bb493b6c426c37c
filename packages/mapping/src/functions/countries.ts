// ISO 3166-1 alpha-2, alpha-3 and English short name, plus common aliases seen in CRM data.
// Static data rather than Intl.DisplayNames: ICU versions differ between browsers and Node.
const DATA = `AF AFG Afghanistan|AX ALA Aland Islands|AL ALB Albania|DZ DZA Algeria|AS ASM American Samoa|AD AND Andorra|AO AGO Angola|AI AIA Anguilla|AQ ATA Antarctica|AG ATG Antigua and Barbuda|AR ARG Argentina|AM ARM Armenia|AW ABW Aruba|AU AUS Australia|AT AUT Austria|AZ AZE Azerbaijan|BS BHS Bahamas|BH BHR Bahrain|BD BGD Bangladesh|BB BRB Barbados|BY BLR Belarus|BE BEL Belgium|BZ BLZ Belize|BJ BEN Benin|BM BMU Bermuda|BT BTN Bhutan|BO BOL Bolivia|BQ BES Bonaire, Sint Eustatius and Saba|BA BIH Bosnia and Herzegovina|BW BWA Botswana|BV BVT Bouvet Island|BR BRA Brazil|IO IOT British Indian Ocean Territory|BN BRN Brunei Darussalam|BG BGR Bulgaria|BF BFA Burkina Faso|BI BDI Burundi|CV CPV Cabo Verde|KH KHM Cambodia|CM CMR Cameroon|CA CAN Canada|KY CYM Cayman Islands|CF CAF Central African Republic|TD TCD Chad|CL CHL Chile|CN CHN China|CX CXR Christmas Island|CC CCK Cocos (Keeling) Islands|CO COL Colombia|KM COM Comoros|CG COG Congo|CD COD Congo, Democratic Republic of the|CK COK Cook Islands|CR CRI Costa Rica|CI CIV Cote d'Ivoire|HR HRV Croatia|CU CUB Cuba|CW CUW Curacao|CY CYP Cyprus|CZ CZE Czechia|DK DNK Denmark|DJ DJI Djibouti|DM DMA Dominica|DO DOM Dominican Republic|EC ECU Ecuador|EG EGY Egypt|SV SLV El Salvador|GQ GNQ Equatorial Guinea|ER ERI Eritrea|EE EST Estonia|SZ SWZ Eswatini|ET ETH Ethiopia|FK FLK Falkland Islands|FO FRO Faroe Islands|FJ FJI Fiji|FI FIN Finland|FR FRA France|GF GUF French Guiana|PF PYF French Polynesia|TF ATF French Southern Territories|GA GAB Gabon|GM GMB Gambia|GE GEO Georgia|DE DEU Germany|GH GHA Ghana|GI GIB Gibraltar|GR GRC Greece|GL GRL Greenland|GD GRD Grenada|GP GLP Guadeloupe|GU GUM Guam|GT GTM Guatemala|GG GGY Guernsey|GN GIN Guinea|GW GNB Guinea-Bissau|GY GUY Guyana|HT HTI Haiti|HM HMD Heard Island and McDonald Islands|VA VAT Holy See|HN HND Honduras|HK HKG Hong Kong|HU HUN Hungary|IS ISL Iceland|IN IND India|ID IDN Indonesia|IR IRN Iran|IQ IRQ Iraq|IE IRL Ireland|IM IMN Isle of Man|IL ISR Israel|IT ITA Italy|JM JAM Jamaica|JP JPN Japan|JE JEY Jersey|JO JOR Jordan|KZ KAZ Kazakhstan|KE KEN Kenya|KI KIR Kiribati|KP PRK Korea, Democratic People's Republic of|KR KOR Korea, Republic of|KW KWT Kuwait|KG KGZ Kyrgyzstan|LA LAO Lao People's Democratic Republic|LV LVA Latvia|LB LBN Lebanon|LS LSO Lesotho|LR LBR Liberia|LY LBY Libya|LI LIE Liechtenstein|LT LTU Lithuania|LU LUX Luxembourg|MO MAC Macao|MG MDG Madagascar|MW MWI Malawi|MY MYS Malaysia|MV MDV Maldives|ML MLI Mali|MT MLT Malta|MH MHL Marshall Islands|MQ MTQ Martinique|MR MRT Mauritania|MU MUS Mauritius|YT MYT Mayotte|MX MEX Mexico|FM FSM Micronesia|MD MDA Moldova|MC MCO Monaco|MN MNG Mongolia|ME MNE Montenegro|MS MSR Montserrat|MA MAR Morocco|MZ MOZ Mozambique|MM MMR Myanmar|NA NAM Namibia|NR NRU Nauru|NP NPL Nepal|NL NLD Netherlands|NC NCL New Caledonia|NZ NZL New Zealand|NI NIC Nicaragua|NE NER Niger|NG NGA Nigeria|NU NIU Niue|NF NFK Norfolk Island|MK MKD North Macedonia|MP MNP Northern Mariana Islands|NO NOR Norway|OM OMN Oman|PK PAK Pakistan|PW PLW Palau|PS PSE Palestine, State of|PA PAN Panama|PG PNG Papua New Guinea|PY PRY Paraguay|PE PER Peru|PH PHL Philippines|PN PCN Pitcairn|PL POL Poland|PT PRT Portugal|PR PRI Puerto Rico|QA QAT Qatar|RE REU Reunion|RO ROU Romania|RU RUS Russian Federation|RW RWA Rwanda|BL BLM Saint Barthelemy|SH SHN Saint Helena, Ascension and Tristan da Cunha|KN KNA Saint Kitts and Nevis|LC LCA Saint Lucia|MF MAF Saint Martin (French part)|PM SPM Saint Pierre and Miquelon|VC VCT Saint Vincent and the Grenadines|WS WSM Samoa|SM SMR San Marino|ST STP Sao Tome and Principe|SA SAU Saudi Arabia|SN SEN Senegal|RS SRB Serbia|SC SYC Seychelles|SL SLE Sierra Leone|SG SGP Singapore|SX SXM Sint Maarten (Dutch part)|SK SVK Slovakia|SI SVN Slovenia|SB SLB Solomon Islands|SO SOM Somalia|ZA ZAF South Africa|GS SGS South Georgia and the South Sandwich Islands|SS SSD South Sudan|ES ESP Spain|LK LKA Sri Lanka|SD SDN Sudan|SR SUR Suriname|SJ SJM Svalbard and Jan Mayen|SE SWE Sweden|CH CHE Switzerland|SY SYR Syrian Arab Republic|TW TWN Taiwan|TJ TJK Tajikistan|TZ TZA Tanzania|TH THA Thailand|TL TLS Timor-Leste|TG TGO Togo|TK TKL Tokelau|TO TON Tonga|TT TTO Trinidad and Tobago|TN TUN Tunisia|TR TUR Turkiye|TM TKM Turkmenistan|TC TCA Turks and Caicos Islands|TV TUV Tuvalu|UG UGA Uganda|UA UKR Ukraine|AE ARE United Arab Emirates|GB GBR United Kingdom|US USA United States|UM UMI United States Minor Outlying Islands|UY URY Uruguay|UZ UZB Uzbekistan|VU VUT Vanuatu|VE VEN Venezuela|VN VNM Viet Nam|VG VGB Virgin Islands (British)|VI VIR Virgin Islands (U.S.)|WF WLF Wallis and Futuna|EH ESH Western Sahara|YE YEM Yemen|ZM ZMB Zambia|ZW ZWE Zimbabwe`;

const ALIASES: Record<string, string> = {
  'united states of america': 'US', america: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'great britain': 'GB', britain: 'GB', uk: 'GB', 'u.k.': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  'south korea': 'KR', korea: 'KR', 'north korea': 'KP', russia: 'RU', 'czech republic': 'CZ', turkey: 'TR', vietnam: 'VN', laos: 'LA', syria: 'SY', 'ivory coast': 'CI', swaziland: 'SZ', 'cape verde': 'CV',
  'the netherlands': 'NL', holland: 'NL', 'the bahamas': 'BS', 'the gambia': 'GM', 'vatican city': 'VA', macedonia: 'MK', burma: 'MM', 'east timor': 'TL', palestine: 'PS', 'dr congo': 'CD', 'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG', brunei: 'BN', moldova: 'MD', 'republic of korea': 'KR', 'republic of ireland': 'IE', 'hong kong sar': 'HK', 'macau': 'MO', 'deutschland': 'DE', 'espana': 'ES', 'mexico': 'MX', 'méxico': 'MX',
};

export interface Country {
  alpha2: string;
  alpha3: string;
  name: string;
}

const byKey = new Map<string, Country>();
for (const entry of DATA.split('|')) {
  const [alpha2, alpha3] = entry.split(' ', 2) as [string, string];
  const country = { alpha2, alpha3, name: entry.slice(7) };
  for (const key of [alpha2, alpha3, country.name]) byKey.set(normalize(key), country);
}
for (const [alias, code] of Object.entries(ALIASES)) byKey.set(normalize(alias), byKey.get(normalize(code))!);

function normalize(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.]/g, '').replace(/\s+/g, ' ').trim();
}

// CRM data repeats the same few spellings; remember recent answers (bounded, so memory stays flat).
const recent = new Map<string, Country | null>();

/** Finds a country by alpha-2, alpha-3, English name or a common alias; case and accents are ignored. */
export function findCountry(s: string): Country | undefined {
  let hit = recent.get(s);
  if (hit === undefined) {
    hit = byKey.get(normalize(s)) ?? byKey.get(normalize(s.replace(/^the\s+/i, ''))) ?? null;
    if (recent.size >= 1000) recent.clear();
    recent.set(s, hit);
  }
  return hit ?? undefined;
}
