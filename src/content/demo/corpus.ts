/**
 * The demo corpus: the invented people, places-in-context and sentence templates that
 * `generate.ts` fills in. Everything here is original text about fictional events.
 *
 * Templates use `{slot}` placeholders. Every article fills them from one context, so the
 * headline, summary and body agree on who, where and how much. Base slots:
 * - place: {city} {region} {state} {adj} {country}, and a second place {city2} {region2} {adj2} {country2}
 * - people: {name} {last} {role} {roleDesc}; {name2} {last2} {role2} {role2Desc}; {expert} {expertLast} {expertRole}
 * - numbers: {n} {n2} (words), {nn} {pct} {pct2} {pctInt} {bn} {mn} {count} {big} {weeks} {months} {years} {age} {vote}
 * Topic slots (see `Topic.slots`) add {key}, and {key2} for a second, different value.
 * Straight quotes and apostrophes are turned into typographic ones when filled.
 */

export type ImageName =
  | 'globe'
  | 'capitol'
  | 'markets'
  | 'heartbeat'
  | 'leaf'
  | 'track'
  | 'map-grid'
  | 'broadcast'
  | 'molecule'
  | 'rooftops';

/** Alt text for each illustration in `images/`. */
export const imageAlt: Readonly<Record<ImageName, string>> = {
  globe: 'Illustration of a globe crossed by meridian lines and a dotted flight path',
  capitol: 'Illustration of a domed government building against an orange evening sky',
  markets: 'Illustration of a city skyline beneath a rising green market chart',
  heartbeat: 'Illustration of a heartbeat line running across a red heart shape',
  leaf: 'Illustration of green leaves and a bowl of fruit on a pale green background',
  track: 'Illustration of a runner on curved track lanes under a yellow sun',
  'map-grid': 'Illustration of a street map grid with a river and location pins',
  broadcast: 'Illustration of a broadcast tower sending signal rings into a purple night sky',
  molecule: 'Illustration of connected molecule nodes on a teal background',
  rooftops: 'Illustration of house rooftops and a large key at sunset',
};

export type Culture =
  | 'us'
  | 'irish'
  | 'hispanic'
  | 'lusophone'
  | 'french'
  | 'germanic'
  | 'nordic'
  | 'polish'
  | 'italian'
  | 'arabic'
  | 'turkish'
  | 'japanese'
  | 'korean'
  | 'indian'
  | 'bengali'
  | 'indonesian';

export interface NamePool {
  readonly first: readonly string[];
  readonly last: readonly string[];
  /** Family name first, as in Korean names. */
  readonly surnameFirst?: boolean;
}

/** Invented names: first and last names are combined at random, so no real person is meant. */
export const names: Readonly<Record<Culture, NamePool>> = {
  us: {
    first: [
      'Danielle',
      'Marcus',
      'Renee',
      'Tobias',
      'Alana',
      'Grant',
      'Keisha',
      'Wesley',
      'Colleen',
      'Darius',
      'Heather',
      'Malcolm',
      'Priya',
      'Nathaniel',
      'Yvonne',
      'Elliot',
      'Rafael',
      'Janelle',
      'Curtis',
      'Mei',
      'Owen',
      'Lorraine',
      'Andre',
      'Bethany',
      'Hector',
      'Tamara',
      'Russell',
      'Imani',
      'Jonah',
      'Corinne',
    ],
    last: [
      'Whitcombe',
      'Okafor',
      'Brandvold',
      'Castellanos',
      'Pruitt',
      'Ashworth',
      'Halloran',
      'Fairbanks',
      'Thibodeaux',
      'Kessling',
      'Abernathy',
      'Solano',
      'Vantreese',
      'Markham',
      'Oyelaran',
      'Petrakis',
      'Dunmore',
      'Holcomb',
      'Szymanski',
      'Whitlock',
      'Pendergast',
      'Quarles',
      'Delgado-Reese',
      'Lindahl',
      'Marchbanks',
      'Nwosu',
      'Carraway',
      'Tran-Hollis',
      'Beaumont',
      'Yarbrough',
    ],
  },
  irish: {
    first: ['Aoife', 'Cian', 'Siobhan', 'Declan', 'Niamh', 'Ronan', 'Orla', 'Fergal', 'Clodagh', 'Eamon'],
    last: ['Fitzmaurice', 'Donnellan', 'Kinsella', 'Mulcahy', 'Brennock', 'Tierney', 'Garrahy', 'Costigan'],
  },
  hispanic: {
    first: [
      'Lucía',
      'Mateo',
      'Valentina',
      'Javier',
      'Camila',
      'Andrés',
      'Paula',
      'Rodrigo',
      'Mariana',
      'Esteban',
    ],
    last: [
      'Villalobos',
      'Arriaga',
      'Quintero',
      'Salcedo',
      'Echeverría',
      'Bustamante',
      'Olivares',
      'Palacios',
    ],
  },
  lusophone: {
    first: [
      'João',
      'Beatriz',
      'Rafaela',
      'Thiago',
      'Inês',
      'Gustavo',
      'Larissa',
      'Duarte',
      'Helena',
      'Otávio',
    ],
    last: ['Figueiredo', 'Albuquerque', 'Tavares', 'Nogueira', 'Brandão', 'Pimentel', 'Sampaio', 'Quaresma'],
  },
  french: {
    first: ['Claire', 'Étienne', 'Margaux', 'Julien', 'Sandrine', 'Baptiste', 'Élodie', 'Thierry', 'Amélie'],
    last: ['Delaunay', 'Vasseur', 'Rousselot', 'Chabrol', 'Lacombe', 'Garnier', 'Marchand', 'Peyrefitte'],
  },
  germanic: {
    first: ['Katrin', 'Jonas', 'Annika', 'Matthias', 'Friederike', 'Lukas', 'Sabine', 'Henrik', 'Florian'],
    last: ['Brenneke', 'Hartwig', 'Vogler', 'Steinmetz', 'Kranz', 'Wendland', 'Oberholz', 'Falkenberg'],
  },
  nordic: {
    first: ['Ingrid', 'Anders', 'Sigrid', 'Magnus', 'Liv', 'Erik', 'Astrid', 'Solveig', 'Henning'],
    last: ['Haugland', 'Bergström', 'Eklund', 'Dahlgren', 'Nyberg', 'Hovland', 'Sandvik', 'Aasen'],
  },
  polish: {
    first: ['Agnieszka', 'Tomasz', 'Katarzyna', 'Paweł', 'Magdalena', 'Marek', 'Joanna', 'Jakub'],
    last: ['Nowak', 'Kowalczyk', 'Wróbel', 'Mazur', 'Sikora', 'Kubiak', 'Pawlak', 'Baran'],
  },
  italian: {
    first: ['Giulia', 'Marco', 'Chiara', 'Lorenzo', 'Francesca', 'Davide', 'Elena', 'Stefano', 'Alessia'],
    last: ['Ferraresi', 'Bellandi', 'Santoro', 'Carbone', 'Fabbri', 'Lombardi', 'Ruggiero', 'Castellucci'],
  },
  arabic: {
    first: [
      'Layla',
      'Omar',
      'Rania',
      'Khalid',
      'Noor',
      'Tariq',
      'Hala',
      'Yousef',
      'Samira',
      'Karim',
      'Dalia',
    ],
    last: ['Haddad', 'Khoury', 'Saleh', 'Mansour', 'Barakat', 'Qasim', 'Hamdan', 'Obeidat', 'Farouk'],
  },
  turkish: {
    first: ['Elif', 'Murat', 'Zeynep', 'Emre', 'Selin', 'Burak', 'Derya', 'Kerem', 'Aylin', 'Onur'],
    last: ['Yıldırım', 'Aksoy', 'Kaya', 'Özkan', 'Arslan', 'Çelik', 'Doğan', 'Ergün'],
  },
  japanese: {
    first: ['Haruka', 'Kenji', 'Yui', 'Takeshi', 'Aiko', 'Daisuke', 'Sayaka', 'Ryo', 'Hiroshi'],
    last: ['Tanabe', 'Morioka', 'Kuroda', 'Hasegawa', 'Fujimoto', 'Nakagawa', 'Sakurai', 'Miyazawa'],
  },
  korean: {
    first: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Hyun-woo', 'Eun-ji', 'Do-hyun', 'Ha-eun', 'Jae-sung'],
    last: ['Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han', 'Shin', 'Baek'],
    surnameFirst: true,
  },
  indian: {
    first: ['Ananya', 'Rohan', 'Kavya', 'Arjun', 'Meera', 'Vikram', 'Sunita', 'Nikhil', 'Deepa', 'Sanjay'],
    last: ['Raghunathan', 'Deshpande', 'Iyer', 'Malhotra', 'Banerjee', 'Kulkarni', 'Menon', 'Chaudhary'],
  },
  bengali: {
    first: ['Farhana', 'Tanvir', 'Nusrat', 'Rezaul', 'Sharmin', 'Imran', 'Tahmina', 'Arif'],
    last: ['Chowdhury', 'Rahman', 'Hossain', 'Siddiqui', 'Haque', 'Talukder', 'Majumder', 'Sarker'],
  },
  indonesian: {
    first: ['Dewi', 'Budi', 'Sari', 'Agus', 'Rina', 'Hendra', 'Putri', 'Wahyu'],
    last: ['Kartika', 'Santoso', 'Wijaya', 'Prasetyo', 'Hidayat', 'Nugroho', 'Setiawan', 'Kusuma'],
  },
};

export interface Country {
  readonly name: string;
  readonly adj: string;
  readonly cities: readonly string[];
  readonly culture: Culture;
  /** Stories marked `@parl` need a parliamentary system, `@legis` an elected legislature. */
  readonly system: 'parliamentary' | 'presidential' | 'monarchy';
  readonly legislature: string;
}

export type WorldRegion = 'americas' | 'europe' | 'middle-east' | 'asia';
export type UsRegion = 'northeast' | 'south' | 'west' | 'midwest';
/** Where an article's people and places come from. */
export type PlaceKey = WorldRegion | UsRegion | 'world' | 'us';

export const countries: Readonly<Record<WorldRegion, readonly Country[]>> = {
  americas: [
    {
      name: 'Mexico',
      adj: 'Mexican',
      cities: ['Monterrey', 'Guadalajara', 'Mexico City'],
      culture: 'hispanic',
      system: 'presidential',
      legislature: 'Congress',
    },
    {
      name: 'Brazil',
      adj: 'Brazilian',
      cities: ['São Paulo', 'Recife', 'Brasília'],
      culture: 'lusophone',
      system: 'presidential',
      legislature: 'Congress',
    },
    {
      name: 'Argentina',
      adj: 'Argentine',
      cities: ['Buenos Aires', 'Córdoba', 'Rosario'],
      culture: 'hispanic',
      system: 'presidential',
      legislature: 'Congress',
    },
    {
      name: 'Chile',
      adj: 'Chilean',
      cities: ['Santiago', 'Valparaíso', 'Antofagasta'],
      culture: 'hispanic',
      system: 'presidential',
      legislature: 'Congress',
    },
    {
      name: 'Colombia',
      adj: 'Colombian',
      cities: ['Bogotá', 'Medellín', 'Cartagena'],
      culture: 'hispanic',
      system: 'presidential',
      legislature: 'Congress',
    },
    {
      name: 'Peru',
      adj: 'Peruvian',
      cities: ['Lima', 'Arequipa', 'Cusco'],
      culture: 'hispanic',
      system: 'presidential',
      legislature: 'Congress',
    },
    {
      name: 'Canada',
      adj: 'Canadian',
      cities: ['Ottawa', 'Winnipeg', 'Halifax'],
      culture: 'us',
      system: 'parliamentary',
      legislature: 'Parliament',
    },
    {
      name: 'Uruguay',
      adj: 'Uruguayan',
      cities: ['Montevideo', 'Salto'],
      culture: 'hispanic',
      system: 'presidential',
      legislature: 'General Assembly',
    },
  ],
  europe: [
    {
      name: 'Portugal',
      adj: 'Portuguese',
      cities: ['Lisbon', 'Porto', 'Coimbra'],
      culture: 'lusophone',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'Spain',
      adj: 'Spanish',
      cities: ['Valencia', 'Seville', 'Madrid'],
      culture: 'hispanic',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'France',
      adj: 'French',
      cities: ['Lyon', 'Marseille', 'Paris'],
      culture: 'french',
      system: 'parliamentary',
      legislature: 'National Assembly',
    },
    {
      name: 'Germany',
      adj: 'German',
      cities: ['Hamburg', 'Leipzig', 'Berlin'],
      culture: 'germanic',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'Austria',
      adj: 'Austrian',
      cities: ['Vienna', 'Graz', 'Salzburg'],
      culture: 'germanic',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'Poland',
      adj: 'Polish',
      cities: ['Gdańsk', 'Kraków', 'Warsaw'],
      culture: 'polish',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'Italy',
      adj: 'Italian',
      cities: ['Turin', 'Naples', 'Rome'],
      culture: 'italian',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'Sweden',
      adj: 'Swedish',
      cities: ['Gothenburg', 'Stockholm', 'Malmö'],
      culture: 'nordic',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'Norway',
      adj: 'Norwegian',
      cities: ['Bergen', 'Oslo', 'Tromsø'],
      culture: 'nordic',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'Ireland',
      adj: 'Irish',
      cities: ['Cork', 'Dublin', 'Galway'],
      culture: 'irish',
      system: 'parliamentary',
      legislature: 'parliament',
    },
  ],
  'middle-east': [
    {
      name: 'Jordan',
      adj: 'Jordanian',
      cities: ['Amman', 'Aqaba', 'Irbid'],
      culture: 'arabic',
      system: 'monarchy',
      legislature: 'parliament',
    },
    {
      name: 'Oman',
      adj: 'Omani',
      cities: ['Muscat', 'Salalah', 'Sohar'],
      culture: 'arabic',
      system: 'monarchy',
      legislature: 'consultative council',
    },
    {
      name: 'Qatar',
      adj: 'Qatari',
      cities: ['Doha', 'Al Wakrah'],
      culture: 'arabic',
      system: 'monarchy',
      legislature: 'consultative council',
    },
    {
      name: 'Egypt',
      adj: 'Egyptian',
      cities: ['Cairo', 'Alexandria', 'Aswan'],
      culture: 'arabic',
      system: 'presidential',
      legislature: 'House of Representatives',
    },
    {
      name: 'Turkey',
      adj: 'Turkish',
      cities: ['Ankara', 'Izmir', 'Istanbul'],
      culture: 'turkish',
      system: 'presidential',
      legislature: 'parliament',
    },
    {
      name: 'Kuwait',
      adj: 'Kuwaiti',
      cities: ['Kuwait City'],
      culture: 'arabic',
      system: 'monarchy',
      legislature: 'National Assembly',
    },
    {
      name: 'Bahrain',
      adj: 'Bahraini',
      cities: ['Manama', 'Muharraq'],
      culture: 'arabic',
      system: 'monarchy',
      legislature: 'parliament',
    },
    {
      name: 'Lebanon',
      adj: 'Lebanese',
      cities: ['Beirut', 'Tripoli', 'Sidon'],
      culture: 'arabic',
      system: 'parliamentary',
      legislature: 'parliament',
    },
  ],
  asia: [
    {
      name: 'Japan',
      adj: 'Japanese',
      cities: ['Osaka', 'Sapporo', 'Tokyo', 'Fukuoka'],
      culture: 'japanese',
      system: 'parliamentary',
      legislature: 'parliament',
    },
    {
      name: 'South Korea',
      adj: 'South Korean',
      cities: ['Busan', 'Seoul', 'Incheon'],
      culture: 'korean',
      system: 'presidential',
      legislature: 'National Assembly',
    },
    {
      name: 'India',
      adj: 'Indian',
      cities: ['Pune', 'Chennai', 'Kolkata', 'New Delhi'],
      culture: 'indian',
      system: 'parliamentary',
      legislature: 'Parliament',
    },
    {
      name: 'Indonesia',
      adj: 'Indonesian',
      cities: ['Surabaya', 'Jakarta', 'Bandung'],
      culture: 'indonesian',
      system: 'presidential',
      legislature: 'House of Representatives',
    },
    {
      name: 'Bangladesh',
      adj: 'Bangladeshi',
      cities: ['Dhaka', 'Chittagong', 'Khulna'],
      culture: 'bengali',
      system: 'parliamentary',
      legislature: 'Parliament',
    },
  ],
};

export const usCities: Readonly<Record<UsRegion, readonly (readonly [city: string, state: string])[]>> = {
  northeast: [
    ['Hartford', 'Connecticut'],
    ['Providence', 'Rhode Island'],
    ['Albany', 'New York'],
    ['Buffalo', 'New York'],
    ['Portland', 'Maine'],
    ['Burlington', 'Vermont'],
    ['Worcester', 'Massachusetts'],
    ['Trenton', 'New Jersey'],
    ['Pittsburgh', 'Pennsylvania'],
    ['Manchester', 'New Hampshire'],
  ],
  south: [
    ['Savannah', 'Georgia'],
    ['Chattanooga', 'Tennessee'],
    ['Mobile', 'Alabama'],
    ['Shreveport', 'Louisiana'],
    ['Charleston', 'South Carolina'],
    ['Asheville', 'North Carolina'],
    ['Lexington', 'Kentucky'],
    ['Tulsa', 'Oklahoma'],
    ['El Paso', 'Texas'],
    ['Richmond', 'Virginia'],
  ],
  west: [
    ['Boise', 'Idaho'],
    ['Spokane', 'Washington'],
    ['Reno', 'Nevada'],
    ['Fresno', 'California'],
    ['Tucson', 'Arizona'],
    ['Eugene', 'Oregon'],
    ['Billings', 'Montana'],
    ['Santa Fe', 'New Mexico'],
    ['Anchorage', 'Alaska'],
    ['Provo', 'Utah'],
  ],
  midwest: [
    ['Des Moines', 'Iowa'],
    ['Madison', 'Wisconsin'],
    ['Omaha', 'Nebraska'],
    ['Dayton', 'Ohio'],
    ['Grand Rapids', 'Michigan'],
    ['Fargo', 'North Dakota'],
  ],
};
export type FamilyId =
  | 'politics'
  | 'world'
  | 'weather'
  | 'local'
  | 'tv'
  | 'economy'
  | 'markets'
  | 'personal'
  | 'research'
  | 'publichealth'
  | 'lifestyle';

/**
 * Text shared by every topic of a kind; it may use only base slots.
 * A text that starts with `@kind ` (or `@a|b `) suits only stories marked with one of those kinds.
 */
export interface Family {
  /** Paragraph units of two or three sentences. */
  readonly paragraphs: readonly string[];
  /** Single sentences that may be appended to a paragraph. */
  readonly sentences: readonly string[];
  /** Pull quotes, attributed to the article's outside expert. */
  readonly quotes: readonly string[];
  readonly subheads: readonly string[];
  /** Last paragraphs: what happens next. */
  readonly closers: readonly string[];
  /** Captions for illustrations. */
  readonly captions: readonly string[];
  /** The expert's description, with its article: "an economist at ...". */
  readonly experts: readonly string[];
}

/**
 * Headline, summary and opening paragraph of one kind of story, then the tags only it gets
 * and its `@kinds`, which pick the paragraphs, quotes and places that suit it.
 */
export type Story = readonly [headline: string, summary: string, lede: string, tags?: readonly string[]];

export interface Topic {
  readonly id: string;
  readonly family: FamilyId;
  /** Tag slugs of the topic's brand that suit all its stories; the first is always used. */
  readonly tags: readonly string[];
  readonly keywords: readonly string[];
  readonly images: readonly ImageName[];
  /** Wire datelines use this instead of the story's city: "WASHINGTON". */
  readonly dateline?: string;
  /** Where people and places come from when the section does not say. */
  readonly place?: PlaceKey;
  /**
   * The main figure's title and description: ['Senator', 'a senator from {state}']. Without a
   * title ('') the figure is introduced as "name, description,". A description may carry `@kinds`.
   */
  readonly roles: readonly (readonly [title: string, desc: string])[];
  /** The second figure's; `roles` when absent. */
  readonly roles2?: readonly (readonly [title: string, desc: string])[];
  readonly slots: Readonly<Record<string, readonly string[]>>;
  readonly stories: readonly Story[];
  readonly paragraphs: readonly string[];
  /** Pull quotes, attributed to the main figure. */
  readonly quotes: readonly string[];
  readonly subheads: readonly string[];
  /** An intro (which may carry `@kinds`) and the items a bulleted list is drawn from. */
  readonly list?: readonly [intro: string, items: readonly string[]];
}

export const families: Readonly<Record<FamilyId, Family>> = {
  politics: {
    paragraphs: [
      '@deal|race|measure|court The fight has exposed familiar divisions, with each side accusing the other of bad faith. Aides in several offices said privately that the public sniping masked a more productive conversation behind closed doors.',
      '@deal {expert}, {expertRole}, said the episode fits a pattern that has become routine in Washington. "Deadlines used to force compromise," {expertLast} said. "Now they mostly force a short-term patch and another deadline."',
      'A survey released by the Marlow Center for Public Affairs this month found that {majority} percent of voters believe elected officials are more focused on partisan advantage than on solving problems. Confidence was lowest among voters under 30.',
      '@deal|race|measure|court Advocacy groups on both sides have mobilized supporters, flooding offices with calls and emails. Several organizations said they were planning rallies in the coming weeks.',
      '@deal {name2}, {role2Desc}, said the process had moved too quickly. "People back home deserve to know exactly what this does before anyone is asked to sign off on it," {last2} said.',
      'The political stakes are considerable, with campaigns for next year already taking shape. Strategists said the outcome could decide which issues dominate advertising in competitive districts.',
      '@deal Good-government groups urged leaders to publish the full text at least three days before any vote. In the past, they noted, major changes have surfaced only hours before lawmakers were asked to approve them.',
      '@deal Supporters argue the moment calls for urgency rather than another round of study. Opponents counter that haste is how costly mistakes end up written into law.',
      '@campaign {expert}, {expertRole}, said the race was unusually hard to call. "Voters are paying attention later than they used to, and many of them do not feel loyal to either side," {expertLast} said.',
      '@court {expert}, {expertRole}, said the case raised questions that courts have not fully settled. "Whatever happens here, this is unlikely to be the last word," {expertLast} said.',
    ],
    sentences: [
      '@campaign|deal Both sides have spent heavily on advertising in recent weeks.',
      '@deal A spokesperson for the majority leader declined to comment on the timing.',
      '@deal The dispute has already delayed several unrelated nominations.',
      'Independent analysts said the final outcome was still difficult to predict.',
      '@campaign Turnout among younger voters has become a central concern for both camps.',
      '@deal|court Similar efforts have stalled at least twice in the past decade.',
    ],
    quotes: [
      'Voters are not asking for perfection. They are asking whether anyone in charge is still capable of finishing a job.',
      '@deal The details matter less than the signal it sends, and the signal right now is that nobody wants to own the result.',
      '@deal Every time this comes up, the same people promise a fix next year. Next year keeps arriving.',
      'You can win the news cycle and still lose the argument with the public.',
      '@court The law moves slowly on purpose. That frustrates people, but it also protects them.',
    ],
    subheads: [
      'What comes next',
      'A familiar standoff',
      'The view from home',
      'Why it matters',
      '@deal Behind closed doors',
    ],
    closers: [
      '@deal Leaders said they would reconvene next week. Until then, staff members are expected to keep trading drafts and counteroffers.',
      '@deal|race|measure|court Neither side offered a firm timeline. "We will take the time we need to get this right," {last} said.',
      'The next test comes within {weeks} weeks. Both camps said they were preparing for a long fight.',
      '@admin Election officials said a full list of voting locations and hours would be posted online and mailed to every registered household.',
      '@race The candidates are scheduled to appear together again at a forum in {city} next month.',
      '@court A final decision could take months, and the losing side is widely expected to appeal.',
    ],
    captions: [
      '@deal Negotiations are expected to continue in the coming weeks.',
      'The debate is likely to shape campaigns for next year.',
      '@campaign Both campaigns are focusing on voters who have yet to decide.',
      '@court Legal experts expect the case to be appealed.',
      'Officials from both parties have been watching the outcome closely.',
    ],
    experts: [
      'a political scientist at Halden University',
      'a senior fellow at the Linden Policy Center',
      'a constitutional law professor at Carrow College',
      'director of the Marlow Center for Public Affairs',
      'a nonpartisan election analyst',
    ],
  },
  world: {
    paragraphs: [
      'The developments come at a sensitive moment for the region, where governments are balancing rising living costs against demands for faster reform. Diplomats said the next few weeks would show whether recent momentum can hold.',
      '{expert}, {expertRole}, said the outcome would be watched closely well beyond {country}. "Neighbors are reading this as a signal of how far the government is willing to go," {expertLast} said.',
      'Residents of {city} described a mix of hope and fatigue. Many said they had heard similar promises before and wanted to see concrete results before passing judgment.',
      "@politics|protest|parl|legis Opposition figures criticized the government's approach as rushed. {name2}, {role2Desc}, called for a fuller debate and for independent experts to review the details.",
      '@talks|trade|summit Regional trade has grown steadily in recent years, and officials on all sides have an interest in keeping borders open and shipping lanes calm. That shared interest, analysts said, has helped keep talks alive.',
      '@talks|trade|summit International observers welcomed the announcement but urged all parties to publish the details. Several business groups said they hoped for a quick and lasting arrangement.',
      '@politics|protest|parl|legis The government has faced mounting pressure at home, with polls showing support slipping among younger voters and in rural districts. Officials have framed their latest steps as evidence that they are listening.',
      '@protest|politics Local newspapers in {country} gave the story prominent coverage, with several editorials calling for calm. Social media users shared photos of crowds gathering in central {city}.',
    ],
    sentences: [
      '@talks|trade|summit The foreign ministry did not respond to a request for comment.',
      '@talks|summit Officials in {city2} have said little publicly so far.',
      '@talks|trade|summit|legis The currency was little changed after the announcement.',
      '@talks Previous rounds of talks ended without a formal agreement.',
      '@talks|trade|summit Diplomats cautioned that many details remained unresolved.',
      '@protest Organizers said turnout was higher than they had expected.',
    ],
    quotes: [
      '@talks|trade|summit Agreements on paper are the easy part. The test is whether anything changes for people in six months.',
      '@talks|summit There is more goodwill in the room than at any point in the past few years, but goodwill can evaporate quickly.',
      'This is a region that has learned to be patient, and to be skeptical of anyone promising quick wins.',
      '@politics|protest|parl|legis Governments that stop listening to the street usually discover their mistake at the ballot box.',
    ],
    subheads: [
      'Regional ripple effects',
      'Reaction at home',
      'The road ahead',
      'What is at stake',
      '@talks|summit A cautious welcome',
    ],
    closers: [
      '@talks|summit|trade Officials said a follow-up meeting was planned for next month in {city2}. Until then, technical teams will continue working through the details.',
      '@talks The next milestone is expected within {weeks} weeks, when negotiators are due to report back to their governments.',
      'Analysts said the coming weeks would be decisive. "If there is no visible progress by the end of the season, the pressure will return," {expertLast} said.',
      'For now, the mood in {city} remains cautiously hopeful, with many residents saying they will believe change when they see it.',
      '@protest Organizers said they would announce further demonstrations if the government did not respond within {weeks} weeks.',
    ],
    captions: [
      '@talks|summit|trade Officials from several governments are expected to meet again next month.',
      'The story has drawn attention from capitals across the region.',
      '@politics|protest|parl|legis The government faces growing pressure at home.',
      'Analysts say the coming weeks will be decisive.',
    ],
    experts: [
      'a senior analyst at the Ridgeway Foundation',
      'a former diplomat who now teaches at Halden University',
      'a regional researcher at the Calloway Institute',
      'an independent political analyst based in {city}',
      'a professor of international relations at Carrow College',
    ],
  },
  weather: {
    paragraphs: [
      'Scientists have warned that extreme weather is becoming more frequent and more intense as the climate warms. Records kept by regional authorities show a steady rise in severe events over the past three decades.',
      '{expert}, {expertRole}, said communities needed to plan for conditions that would have seemed extreme a generation ago. "What used to be a once-in-a-century event is now something we should expect several times in a lifetime," {expertLast} said.',
      '@event Forecasters said conditions were expected to ease over the next few days, but warned that another system could bring similar weather later in the month.',
      '@evac Volunteers and local charities set up collection points for food, water and clothing. Several churches and schools opened their doors to people who had left their homes.',
      '@plan Environmental groups welcomed the plan but said it should go further, arguing that some of the money would be better spent on moving people out of the most vulnerable areas.',
      '@plan Officials said the plan was shaped by public meetings held over the past year, where residents described repeated damage to homes, roads and farmland.',
    ],
    sentences: [
      '@event No serious injuries had been reported by late in the day.',
      '@evac|air Schools in the worst-hit areas were closed as a precaution.',
      '@evac Emergency shelters remained open overnight.',
      'Regional officials said they would review their response once conditions improved.',
    ],
    quotes: [
      'Adaptation is not giving up. It is refusing to be caught unprepared again.',
      'Every dollar spent on preparation saves several in recovery. The math has been clear for years.',
      '@event The people who respond first are our neighbors. They have been extraordinary.',
    ],
    subheads: [
      'A warming pattern',
      'Preparing for the next one',
      '@damage Counting the cost',
      '@event Crews on the ground',
    ],
    closers: [
      '@event Officials said updates would be posted on the regional emergency website and shared through local radio.',
      '@damage Recovery teams will begin assessing damage as soon as conditions allow. Residents were urged to report damage online.',
      '@plan Public hearings on the plan will be held over the next {weeks} weeks before a final vote.',
      'Forecasters said they would continue to monitor conditions closely in the days ahead.',
    ],
    captions: [
      '@event Emergency crews have been working around the clock.',
      'Scientists say extreme weather is becoming more frequent.',
      '@plan The plan would be phased in over two decades.',
    ],
    experts: [
      'a climate scientist at Westbrook Institute of Technology',
      'a disaster recovery specialist at Halden University',
      'a hydrologist who has studied the region for two decades',
      'a former emergency management official',
    ],
  },
  local: {
    paragraphs: [
      'Residents packed a public meeting at {city} City Hall this week, with dozens signing up to speak. Some praised the plan as overdue; others warned it would fall hardest on neighborhoods that have already absorbed years of disruption.',
      '{expert}, {expertRole}, said {city} faces the same pressures as many mid-sized cities: aging infrastructure, rising costs and a growing population. "The bills for decisions made decades ago are coming due all at once," {expertLast} said.',
      'State lawmakers in {state} have signaled interest in helping, but budget writers have warned that money is tight this year. Local officials said they would seek federal grants to close part of the gap.',
      '@project|streets Business owners along the affected corridor said they were worried about months of detours and lost foot traffic. A local merchants association asked the city to schedule the noisiest work outside peak shopping seasons.',
      '{name2}, {role2Desc}, said the city had not done enough to explain the trade-offs. "People will accept inconvenience if they understand why, and what they get at the end," {last2} said.',
      'The issue has become a fixture of local politics, featuring in campaign mailers and neighborhood forums. Turnout in the last municipal election was about {turnout} percent, up sharply from four years earlier.',
      'City records show that {count} residents submitted written comments during the review period, one of the largest responses in recent memory. Staff members said they were still reading through them.',
    ],
    sentences: [
      'A final vote is expected before the end of the fiscal year.',
      'The county has not yet taken a formal position.',
      '@project|housing Neighborhood groups have organized walking tours of the area.',
      '@project|streets Similar projects in nearby cities have taken longer than planned.',
    ],
    quotes: [
      'This is not about one project. It is about whether this city can still plan for the next 30 years.',
      '@project|streets|housing Everybody wants the benefit, and nobody wants the construction on their street. That is the job: finding a fair way through.',
      'The worst outcome would be to spend another five years studying a problem everyone can already see.',
    ],
    subheads: ['Neighbors weigh in', 'Paying for it', 'A growing city', 'What residents can expect'],
    closers: [
      'The city council is scheduled to take up the issue again at its next regular meeting. Residents can submit comments online until then.',
      '@project|streets Officials said major construction would not begin before next spring. A timeline will be posted on the city website.',
      'Another public hearing is planned within {weeks} weeks. "We want as many voices in the room as possible," {last} said.',
      '@schools The school board will vote on the final budget next month.',
    ],
    captions: [
      'City officials say the plan will be reviewed again before a final vote.',
      'Residents have until the end of the month to submit comments.',
      'The proposal has drawn one of the largest public responses in years.',
    ],
    experts: [
      'an urban planner at Westbrook Institute of Technology',
      'a transportation researcher at Brightwater University',
      'director of a regional housing nonprofit',
      'a civil engineer who has studied the region for two decades',
      'a longtime member of the {city} planning commission',
    ],
  },
  tv: {
    paragraphs: [
      'The move reflects a broader shift in the industry, as networks try to hold on to viewers who increasingly watch on their own schedules. Executives have leaned on familiar faces and proven formats to cut through a crowded field.',
      '{expert}, {expertRole}, said audiences have become more selective. "People will still show up in huge numbers, but only for something that feels like an event," {expertLast} said.',
      '@show Early reaction online was enthusiastic, with clips shared widely on social media. Some longtime fans, however, said they missed elements of earlier seasons.',
      '@show Production took place over {months} months, with much of the filming done on location in {city}. Local officials said the shoot brought hundreds of temporary jobs to the area.',
      "Advertisers pay close attention to the ratings, which offer one of the few reliable measures of how many people still gather around a single broadcast. Industry analysts said the results would inform next season's prices.",
      '@show The cast includes several newcomers alongside veterans of the genre. {name2}, who joined the production late, said the atmosphere on set was "more like a theater company than a television show."',
    ],
    sentences: [
      '@show A further season has not been formally announced.',
      'The network declined to share streaming figures.',
      '@show Critics have been largely positive so far.',
      '@show Episodes are available to stream the morning after they air.',
    ],
    quotes: [
      'The audience has never been more fragmented, which makes the programs that bring everyone together more valuable, not less.',
      'Television is still the place where a story can live with people for years. Nothing else quite does that.',
      '@show Good writing travels. You cannot market your way around a weak script.',
    ],
    subheads: [
      'Behind the scenes',
      'The numbers game',
      'A crowded schedule',
      '@show What critics are saying',
    ],
    closers: [
      '@show New episodes air weekly through the end of the season on Harbor TV and are available to stream the next morning.',
      'The network said it would announce the rest of its fall schedule within {weeks} weeks.',
      'Whether the early momentum lasts will become clear in the coming months. For now, executives said, they are cautiously optimistic.',
    ],
    captions: [
      '@show The series airs weekly and streams the following morning.',
      'Network executives say early numbers have exceeded expectations.',
      'Harbor TV is adding several new programs to its schedule this season.',
    ],
    experts: [
      'a media analyst at Carrow College',
      'a television historian and author of several books on broadcasting',
      'an entertainment industry consultant',
      'editor of the trade newsletter Screen Ledger',
    ],
  },
  economy: {
    paragraphs: [
      '@data The figures add to a mixed picture of an economy that has kept growing despite higher borrowing costs. Consumer spending has held up, but surveys show households are increasingly anxious about prices.',
      '@data {expert}, {expertRole}, said the data should be read with caution. "One month does not make a trend, but the direction here is hard to ignore," {expertLast} said.',
      '@data Economists polled before the release had expected a smaller change. The surprise prompted several banks to revise their forecasts for the rest of the year.',
      'Policymakers at the central bank have said they will watch incoming data closely before deciding their next move. Markets currently put the odds of a rate cut at the next meeting at about {pctInt} percent.',
      'Small businesses have felt the squeeze in particular. In {city}, owners said higher costs for rent, insurance and supplies had forced them to raise prices or cut hours.',
      '@data Revisions to earlier months were modest, suggesting the underlying trend is steadier than the headline numbers imply. Seasonal factors, including weather and holiday timing, also played a role.',
      'Regional differences remain wide. Growth has been strongest in parts of the South and West, while some manufacturing areas in the Midwest have lagged.',
      '{expert}, {expertRole}, said the bigger question was how long households could keep absorbing higher costs. "People have been resilient, but resilience is not unlimited," {expertLast} said.',
    ],
    sentences: [
      '@data The data are subject to revision next month.',
      'Wage growth has outpaced inflation for most of the past year.',
      'Energy prices remain a notable swing factor.',
      'Several large retailers have warned of softer demand.',
    ],
    quotes: [
      'The economy is not falling off a cliff, but it is clearly downshifting. The question is how gently.',
      'Households are telling us two things at once: they are still spending, and they are worried about it.',
      'Policymakers want to see several months of good news before they change course, and we are not there yet.',
    ],
    subheads: [
      'Pressure on households',
      'What economists expect',
      'A mixed picture',
      '@data Reading the numbers',
    ],
    closers: [
      'The next major economic reports are due in {weeks} weeks. Economists said they would help clarify whether recent trends are holding.',
      'Central bank officials meet again next month. Most analysts expect them to hold steady while they gather more data.',
      'For now, economists said, the broad picture remains one of slow but positive growth, with risks on both sides.',
    ],
    captions: [
      'Economists say the coming months will show whether the trend holds.',
      'Consumer spending has remained resilient despite higher prices.',
      "@data The data will weigh on the central bank's next decision.",
    ],
    experts: [
      'chief economist at Tidewater Bank',
      'an economist at the Calloway Institute',
      'a labor economist at Brightwater University',
      'senior economist at Bellhaven Capital',
      'a former central bank adviser who now teaches at Halden University',
    ],
  },
  markets: {
    paragraphs: [
      'Trading volume was above its recent average, suggesting that large investors were repositioning rather than simply reacting to headlines. Analysts said the moves could persist into next week.',
      '@stocks {expert}, {expertRole}, said investors were paying more attention to earnings quality than to headline growth. "The market is rewarding companies that can show their work," {expertLast} said.',
      '@stocks The broad Stanton 500 index has gained about {pct} percent since the start of the quarter, led by technology and industrial shares. Defensive sectors such as utilities have trailed.',
      '@stocks|energy|metals|crops Bond markets were calmer, with the yield on the 10-year Treasury note little changed. The dollar edged higher against a basket of major currencies.',
      '@stocks Some strategists warned that valuations had run ahead of fundamentals. Others argued that steady corporate profits justified higher prices, at least for now.',
      '@stocks Retail investors have been active buyers on dips, according to brokerage data, while hedge funds have trimmed their exposure. That split has made day-to-day moves harder to read.',
      '{expert}, {expertRole}, said the latest moves fit a broader pattern. "Investors are trying to price a world where rates stay higher for longer, and that takes time," {expertLast} said.',
    ],
    sentences: [
      'Currency markets were relatively quiet.',
      'Options activity suggested investors were bracing for more volatility.',
      '@company The company will hold a call with analysts later this month.',
      '@stocks Shares of smaller companies outperformed the broader market.',
    ],
    quotes: [
      'Markets can live with bad news. What they struggle with is not knowing what the news will be.',
      "@stocks We are in a stock picker's market now. The easy gains are behind us.",
      'Nobody is panicking, but everybody is checking their hedges.',
    ],
    subheads: ['How investors reacted', 'The bigger picture', 'What analysts are watching'],
    closers: [
      'Investors will look next to a fresh batch of corporate earnings and to inflation data due later this month.',
      'Analysts said the coming weeks would test whether the move reflects a lasting shift or a short-term reaction.',
      'For long-term investors, strategists said, the advice is the same as ever: stay diversified and avoid chasing daily swings.',
    ],
    captions: [
      'Investors are weighing earnings reports and economic data.',
      'Trading volume has been above its recent average.',
      'Strategists say volatility could persist in the coming weeks.',
    ],
    experts: [
      '@stocks chief market strategist at Alder & Crane Securities',
      '@stocks a portfolio manager at Stonegate Asset Management',
      '@cb|yields|issuance head of fixed income at Bellhaven Capital',
      '@cb|yields|issuance a rates strategist at Glenmoor Bank',
      '@energy|metals|crops a commodities analyst at Cobalt Ridge Advisors',
      '@energy|metals|crops an energy and metals strategist at Stonegate Asset Management',
      'a senior trader at Glenmoor Bank',
    ],
  },
  personal: {
    paragraphs: [
      '@advice Financial planners say the most important step is often the simplest: knowing exactly where your money goes each month. A basic budget makes it easier to decide what to cut, and what to protect.',
      '@advice {expert}, {expertRole}, said many people wait too long to ask for help. "People are embarrassed about their finances, and that silence is expensive," {expertLast} said.',
      'Costs vary widely depending on where you live. In {city}, for example, a typical household spends a larger share of its income on housing than the national average.',
      '@shop Consumer advocates recommend comparing at least three offers before signing anything. Fees that look small on paper can add up to thousands of dollars over time.',
      '@advice Surveys suggest that a large share of Americans would struggle to cover an unexpected bill of $1,000 from savings. Building even a small cushion can reduce reliance on high-interest credit.',
      '@tax|retire Rules and limits change from year to year, so it is worth checking current figures before making a decision. Official guidance is usually available online, and many libraries offer free consultations.',
      '@market {expert}, {expertRole}, said conditions varied widely from one neighborhood to the next. "National numbers hide a lot. What matters is what is happening on your street," {expertLast} said.',
      '@market Rising insurance premiums and property taxes have added to costs for owners and landlords alike, and many have passed part of the increase on to customers and tenants.',
      '@market Local officials in {city} said they were watching the trend closely. The city has tried to make it easier to build and to open new businesses by speeding up permits.',
    ],
    sentences: [
      '@save|retire Experts say automating the process removes the temptation to skip a month.',
      '@shop|tax Reading the fine print is tedious but worth it.',
      '@advice Many employers offer free financial counseling as a benefit.',
      '@advice Small changes made early tend to have the biggest effect.',
      '@market Conditions can change quickly, and local data are often revised.',
    ],
    quotes: [
      '@advice The best financial plan is the one you will actually stick to, not the one that looks perfect on a spreadsheet.',
      '@advice Most money mistakes are not dramatic. They are small leaks that nobody notices for years.',
      '@shop If a deal needs to be signed today, that is usually the best reason to walk away.',
      '@market Every market is local. The trends you read about nationally may look very different where you live.',
    ],
    subheads: [
      '@advice Where to start',
      '@advice Avoiding common mistakes',
      '@advice Questions to ask',
      'The bottom line',
      '@market A closer look',
    ],
    closers: [
      '@advice The bottom line, planners say, is to start early, stay consistent and review your choices at least once a year.',
      '@advice If you are unsure where to begin, a one-time session with a fee-only planner can be a worthwhile investment.',
      'As always, the right choice depends on your circumstances. But knowing the options is the first step.',
      '@market Economists said the next few months would show whether the trend is durable or a temporary blip.',
    ],
    captions: [
      '@advice Planners recommend reviewing household finances at least once a year.',
      '@advice Small, consistent changes tend to have the biggest long-term effect.',
      '@market Conditions vary widely from one neighborhood to the next.',
      'Experts say it pays to compare your options carefully.',
    ],
    experts: [
      '@advice a certified financial planner in {city}',
      '@tax a tax attorney based in {city}',
      '@retire a retirement researcher at Halden University',
      '@shop|save a consumer finance analyst at the Ridgeway Foundation',
      '@home a housing economist at Tidewater Bank',
      '@business a small business adviser at a development center in {city}',
    ],
  },
  research: {
    paragraphs: [
      '@cohort The researchers cautioned that the study was observational and could not prove cause and effect. People who make one healthy choice often make others, which can be hard to separate statistically.',
      '@study {expert}, {expertRole}, who was not involved in the research, called the findings "encouraging but not the final word." Larger studies would be needed before changing clinical advice, {expertLast} said.',
      '@cohort The analysis adjusted for age, income, smoking and other factors known to affect health. Even after those adjustments, the association remained statistically significant.',
      '@cohort Participants were followed for an average of {years} years. During that time, researchers recorded hospital visits, diagnoses and deaths using health records.',
      '@study The work was funded by public research grants, and the authors reported no conflicts of interest. The data will be made available to other researchers on request.',
      '@study Doctors say patients should not make drastic changes based on a single study. Instead, they recommend discussing new findings with a clinician who knows their history.',
      '@study The findings add to a growing body of evidence on the topic, though earlier studies have not always agreed. Differences in methods and populations may explain some of the gaps.',
      'Experts stress that individual circumstances vary widely. A conversation with a primary care doctor is usually the best place to start, especially for people with chronic conditions.',
      '{expert}, {expertRole}, said public interest in the subject had grown sharply in recent years. "Patients come in with questions they have read about online, which is a good thing, as long as we can talk it through," {expertLast} said.',
      'Health agencies publish free guidance on the topic, and many hospitals and community centers offer classes and screenings at little or no cost.',
    ],
    sentences: [
      '@cohort The study was published in a peer-reviewed journal.',
      '@cohort Women and older adults were well represented in the sample.',
      '@study The researchers plan a follow-up study next year.',
      "@cohort Questionnaires relied on participants' own reports, a known limitation.",
    ],
    quotes: [
      '@study This is one more piece of a large puzzle. It points in a useful direction, but it does not settle the question.',
      '@habit|food|cohort The message for patients is reassuring: modest, sustainable changes appear to matter.',
      '@cohort What we need now is a randomized trial large enough to answer this definitively.',
      'The best advice is often the least glamorous, and it is still the advice that works.',
    ],
    subheads: [
      '@study How the study worked',
      '@cohort Important caveats',
      'What it means for patients',
      'The bigger picture',
    ],
    closers: [
      '@study The research team said it was seeking funding for a larger study that could begin as early as next year.',
      'For now, experts say, the standard advice still applies: talk to your doctor, stay active and keep up with recommended screenings.',
      '@study The authors plan to present additional results at a medical conference later this year.',
    ],
    captions: [
      '@study Researchers say larger studies are needed to confirm the findings.',
      '@cohort The study followed participants over several years.',
      'Experts urge patients to discuss new findings with their doctors.',
    ],
    experts: [
      'an epidemiologist at the Halden School of Public Health',
      'a professor of medicine at Carrow College',
      'a biostatistician at Westbrook Institute of Technology',
      'a physician and researcher at Brightwater University Medical Center',
    ],
  },
  publichealth: {
    paragraphs: [
      '@outbreak|recall Public health officials said the risk to the general population remained low. Still, they urged people with symptoms to contact a health provider if their condition worsened.',
      '@outbreak|recall {expert}, {expertRole}, said the response so far had been appropriate. "Early, clear communication is the most powerful tool health departments have," {expertLast} said.',
      '@outbreak Officials in {state} have set up a hotline and posted guidance online in several languages. Clinics in {city} said they had extended their hours to meet demand.',
      'Health departments across the country have struggled with staffing shortages in recent years. Several said they had relied on temporary workers and volunteers to keep up.',
      '@outbreak|recall Investigators are working to trace the source, a process that can take weeks. Laboratory results are being shared with federal scientists to confirm the findings.',
      '@outbreak|recall|inspect Experts said the episode highlights the value of routine surveillance and inspection, which often catch problems before they spread widely. Funding for such programs has fluctuated in recent years.',
      '{expert}, {expertRole}, said trust was the foundation of any public health effort. "People follow advice from someone they know and believe, which is why local doctors and nurses matter so much," {expertLast} said.',
      'Public health spending varies widely from state to state, and experts say the gaps show up in everything from vaccination rates to how quickly problems are detected.',
    ],
    sentences: [
      'Officials said they would provide updates as new information becomes available.',
      '@outbreak|recall No deaths have been reported.',
      '@outbreak|recall The state laboratory is processing samples around the clock.',
      '@outbreak Guidance for health care providers was issued the same day.',
    ],
    quotes: [
      '@outbreak|recall The goal is not to alarm anyone. It is to make sure people have the information they need to protect themselves.',
      'Public health works best when nobody notices it. This is one of the moments when people notice.',
      '@outbreak|vaccines We have the tools to handle this. What we need is for people to use them.',
      'Health is local. The decisions that matter most are often made by county officials and family doctors.',
    ],
    subheads: [
      'Who is at risk',
      'What officials recommend',
      '@outbreak|recall Tracing the source',
      'Staying safe',
    ],
    closers: [
      '@outbreak|recall Health officials said they would hold another briefing later this week and update their guidance as needed.',
      "Anyone with questions can call the state health hotline or visit the health department's website for the latest information.",
      '@outbreak|recall Officials said the investigation would continue for at least {weeks} more weeks.',
      '@hospital Hospital officials said they would share more details with the community in the coming weeks.',
    ],
    captions: [
      '@outbreak|recall Health officials say the risk to the public remains low.',
      '@outbreak|vaccines Clinics have extended their hours to meet demand.',
      'Health officials are urging residents to stay informed.',
      '@hospital Hospital leaders say staffing remains their biggest challenge.',
    ],
    experts: [
      'an epidemiologist at the Halden School of Public Health',
      'a former state health commissioner',
      'a food safety scientist at Brightwater University',
      'an infectious disease physician at Carrow Medical Center',
    ],
  },
  lifestyle: {
    paragraphs: [
      'Coaches say the biggest mistake beginners make is doing too much, too soon. Increasing volume gradually gives muscles, tendons and joints time to adapt.',
      '{expert}, {expertRole}, said consistency beats intensity for most people. "The best workout is the one you can repeat next week and the week after," {expertLast} said.',
      'Recovery matters as much as training. Sleep, hydration and easy days allow the body to rebuild, and skipping them can lead to fatigue and injury.',
      'Many gyms and community centers in {city} offer free introductory sessions, and local clubs often welcome newcomers of all levels. Training with others can make it easier to stay motivated.',
      'Wearable devices can help track progress, but experts caution against obsessing over numbers. How you feel day to day is often a better guide than any single metric.',
      'People with chronic conditions or who have been inactive for a long time should check with a doctor before starting a new routine. Most can exercise safely with a few adjustments.',
      '@study {expert}, {expertRole}, who was not involved in the research, said the findings matched what coaches see every day. "Small amounts of regular exercise change people\'s lives," {expertLast} said.',
    ],
    sentences: [
      'Warming up for five to 10 minutes reduces the risk of strains.',
      'A training log can reveal patterns that are easy to miss.',
      'Short sessions still count.',
      'Listening to your body is a skill that improves with practice.',
    ],
    quotes: [
      'Fitness is not a 30-day challenge. It is something you build slowly over years.',
      'Most of my clients do not need a fancier program. They need a program they enjoy enough to keep doing.',
      'If you finish a session feeling like you could do a little more, you probably got it about right.',
    ],
    subheads: ['Getting started', 'Common mistakes', 'What the experts recommend', 'Making it stick'],
    closers: [
      'The bottom line: start where you are, progress slowly and make room for rest.',
      'Experts say the benefits build over time, so the most important step is the first one.',
      'If something hurts in a sharp or lasting way, stop and get it checked. Otherwise, keep going.',
    ],
    captions: [
      'Experts recommend increasing training volume gradually.',
      'Consistency matters more than intensity for most people.',
      'Recovery days are part of any good training plan.',
    ],
    experts: [
      'an exercise physiologist at Brightwater University',
      'a sports medicine physician in {city}',
      'a certified strength coach in {city}',
      'a physical therapist based in {city}',
    ],
  },
};
