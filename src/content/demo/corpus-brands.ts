/** The three demo brands: sections (with the topics written for them), tags and staff. */
import type { PlaceKey, WorldRegion } from './corpus.ts';

export interface SectionDef {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** Topic ids whose stories fill this section. */
  readonly topics: readonly string[];
  /** Where its stories happen, unless the topic says otherwise. */
  readonly place?: PlaceKey;
  readonly children?: readonly SectionDef[];
}

export interface AuthorDef {
  readonly name: string;
  readonly title: string;
  readonly bio: string;
  /** Top-level section slugs the author writes for. */
  readonly beats: readonly string[];
}

export interface BrandDef {
  readonly slug: string;
  readonly name: string;
  readonly tagline: string;
  readonly hosts: readonly string[];
  readonly isDefault: boolean;
  readonly sections: readonly SectionDef[];
  readonly tags: readonly (readonly [slug: string, name: string])[];
  readonly authors: readonly AuthorDef[];
  /** A tag added to stories set in a world region. */
  readonly regionTags?: Readonly<Partial<Record<WorldRegion, string>>>;
}

const worldTopics = ['h-diplomacy', 'h-world-politics', 'h-climate'];
const usTopics = ['h-local', 'h-climate'];

const herald: BrandDef = {
  slug: 'herald',
  name: 'Harbor Herald',
  tagline: 'Independent reporting from the waterfront to the wider world',
  hosts: ['localhost', '127.0.0.1', 'herald.localhost', 'www.harborherald.test'],
  isDefault: true,
  sections: [
    {
      slug: 'politics',
      name: 'Politics',
      description:
        'Congress, campaigns and the courts: how decisions in Washington and state capitals are made.',
      topics: ['h-congress', 'h-elections', 'h-courts'],
      children: [
        {
          slug: 'congress',
          name: 'Congress',
          description: 'Bills, budgets and the negotiations behind them on Capitol Hill.',
          topics: ['h-congress'],
        },
        {
          slug: 'elections',
          name: 'Elections',
          description: 'Races, polls, ballot measures and the mechanics of voting.',
          topics: ['h-elections'],
        },
        {
          slug: 'courts',
          name: 'Courts',
          description: 'Rulings and legal battles that shape public policy.',
          topics: ['h-courts'],
        },
      ],
    },
    {
      slug: 'world',
      name: 'World',
      description: 'Diplomacy, elections and the forces reshaping countries around the globe.',
      topics: worldTopics,
      place: 'world',
      children: [
        {
          slug: 'americas',
          name: 'Americas',
          description: 'News from Canada to the southern tip of South America.',
          topics: worldTopics,
          place: 'americas',
        },
        {
          slug: 'europe',
          name: 'Europe',
          description: 'Governments, economies and societies across Europe.',
          topics: worldTopics,
          place: 'europe',
        },
        {
          slug: 'middle-east',
          name: 'Middle East',
          description: 'Politics, diplomacy and daily life from the Gulf to the Mediterranean.',
          topics: worldTopics,
          place: 'middle-east',
        },
        {
          slug: 'asia',
          name: 'Asia',
          description: 'Reporting from South Asia to Northeast Asia and the archipelagos between.',
          topics: worldTopics,
          place: 'asia',
        },
      ],
    },
    {
      slug: 'us',
      name: 'U.S.',
      description: 'Cities, states and communities: the stories shaping life across the country.',
      topics: usTopics,
      place: 'us',
      children: [
        {
          slug: 'northeast',
          name: 'Northeast',
          description: 'From Maine to Pennsylvania: cities, towns and statehouses.',
          topics: usTopics,
          place: 'northeast',
        },
        {
          slug: 'south',
          name: 'South',
          description: 'News from Virginia to Texas and everywhere in between.',
          topics: usTopics,
          place: 'south',
        },
        {
          slug: 'west',
          name: 'West',
          description: 'Mountains, deserts and the Pacific coast: news from the western states.',
          topics: usTopics,
          place: 'west',
        },
      ],
    },
    {
      slug: 'money',
      name: 'Money',
      description: 'Prices, paychecks and the economy as households experience it.',
      topics: ['h-economy'],
    },
    {
      slug: 'health',
      name: 'Health',
      description: 'Hospitals, public health and the decisions that affect your care.',
      topics: ['h-public-health'],
    },
    {
      slug: 'tv',
      name: 'TV',
      description: 'Reviews, interviews and news from Harbor TV and the wider world of television.',
      topics: ['h-tv'],
    },
  ],
  tags: [
    ['congress', 'Congress'],
    ['senate', 'Senate'],
    ['legislation', 'Legislation'],
    ['budget', 'Federal Budget'],
    ['elections', 'Elections'],
    ['campaigns', 'Campaigns'],
    ['polls', 'Polls'],
    ['voting', 'Voting'],
    ['courts', 'Courts'],
    ['civil-rights', 'Civil Rights'],
    ['diplomacy', 'Diplomacy'],
    ['negotiations', 'Negotiations'],
    ['trade-deals', 'Trade Deals'],
    ['summits', 'Summits'],
    ['world-politics', 'World Politics'],
    ['protests', 'Protests'],
    ['climate', 'Climate'],
    ['extreme-weather', 'Extreme Weather'],
    ['flooding', 'Flooding'],
    ['wildfires', 'Wildfires'],
    ['energy', 'Energy'],
    ['local-government', 'Local Government'],
    ['infrastructure', 'Infrastructure'],
    ['transit', 'Transit'],
    ['housing', 'Housing'],
    ['schools', 'Schools'],
    ['television', 'Television'],
    ['streaming', 'Streaming'],
    ['public-health', 'Public Health'],
    ['hospitals', 'Hospitals'],
    ['vaccines', 'Vaccines'],
    ['economy', 'Economy'],
    ['inflation', 'Inflation'],
    ['americas', 'Americas'],
    ['europe', 'Europe'],
    ['middle-east', 'Middle East'],
    ['asia', 'Asia'],
  ],
  regionTags: { americas: 'americas', europe: 'europe', 'middle-east': 'middle-east', asia: 'asia' },
  authors: [
    {
      name: 'Marisol Ventura',
      title: 'Senior Political Correspondent',
      bio: 'Marisol Ventura has covered Congress and two presidential campaigns for the Harbor Herald. She previously reported from statehouses across the Midwest for the Lakeshore Tribune.',
      beats: ['politics'],
    },
    {
      name: 'Tobias Wrenfield',
      title: 'World Affairs Editor',
      bio: "Tobias Wrenfield leads the Herald's international coverage after a decade as a correspondent in Lisbon, Amman and Jakarta.",
      beats: ['world'],
    },
    {
      name: 'Adaeze Whitlock',
      title: 'National Correspondent',
      bio: "Adaeze Whitlock writes about cities, infrastructure and the people who keep them running. She is based in the Herald's Richmond bureau.",
      beats: ['us', 'politics'],
    },
    {
      name: 'Gideon Hartshorn',
      title: 'Television Critic',
      bio: 'Gideon Hartshorn reviews television and writes about the business of broadcasting. He has watched more pilot episodes than he cares to count.',
      beats: ['tv'],
    },
    {
      name: 'Hana Lindqvist',
      title: 'Health and Economy Reporter',
      bio: 'Hana Lindqvist covers hospitals, public health and household finances. Before joining the Herald she was a data reporter at the Coastline Ledger.',
      beats: ['health', 'money', 'us'],
    },
  ],
};

const money: BrandDef = {
  slug: 'money',
  name: 'Harbor Money',
  tagline: 'Markets, money and the economy, made clear',
  hosts: ['money.localhost', 'www.harbormoney.test'],
  isDefault: false,
  sections: [
    {
      slug: 'markets',
      name: 'Markets',
      description: 'Stocks, bonds and commodities: what moved, and why it matters to investors.',
      topics: ['m-stocks', 'm-bonds', 'm-commodities'],
      children: [
        {
          slug: 'stocks',
          name: 'Stocks',
          description: 'Earnings, deals and the companies driving the market.',
          topics: ['m-stocks'],
        },
        {
          slug: 'bonds',
          name: 'Bonds',
          description: 'Interest rates, yields and the central bank.',
          topics: ['m-bonds'],
        },
        {
          slug: 'commodities',
          name: 'Commodities',
          description: 'Oil, metals and crops, from the trading floor to the grocery aisle.',
          topics: ['m-commodities'],
        },
      ],
    },
    {
      slug: 'economy',
      name: 'Economy',
      description: 'Growth, inflation and the data that explain where the economy is heading.',
      topics: ['m-economy'],
      children: [
        {
          slug: 'jobs',
          name: 'Jobs',
          description: 'Hiring, wages and the changing labor market.',
          topics: ['m-jobs'],
        },
        {
          slug: 'trade',
          name: 'Trade',
          description: 'Tariffs, ports and the supply chains that connect the world.',
          topics: ['m-trade'],
        },
      ],
    },
    {
      slug: 'personal-finance',
      name: 'Personal Finance',
      description: 'Practical advice on saving, borrowing, budgeting and planning ahead.',
      topics: ['m-household'],
      children: [
        {
          slug: 'retirement',
          name: 'Retirement',
          description: '401(k)s, Social Security and how to plan for the decades after work.',
          topics: ['m-retirement'],
        },
        {
          slug: 'taxes',
          name: 'Taxes',
          description: 'Filing, deductions and credits, explained in plain English.',
          topics: ['m-taxes'],
        },
      ],
    },
    {
      slug: 'real-estate',
      name: 'Real Estate',
      description: 'Mortgages, home prices and rents in the markets that matter to you.',
      topics: ['m-real-estate'],
    },
    {
      slug: 'small-business',
      name: 'Small Business',
      description: 'Owners, founders and the local economy.',
      topics: ['m-small-business'],
    },
  ],
  tags: [
    ['stocks', 'Stocks'],
    ['earnings', 'Earnings'],
    ['technology', 'Technology'],
    ['deals', 'Mergers and IPOs'],
    ['interest-rates', 'Interest Rates'],
    ['bonds', 'Bonds'],
    ['central-bank', 'Central Bank'],
    ['inflation', 'Inflation'],
    ['commodities', 'Commodities'],
    ['energy', 'Energy'],
    ['metals', 'Metals'],
    ['agriculture', 'Agriculture'],
    ['economy', 'Economy'],
    ['growth', 'Economic Growth'],
    ['consumer-spending', 'Consumer Spending'],
    ['jobs', 'Jobs'],
    ['wages', 'Wages'],
    ['trade', 'Trade'],
    ['tariffs', 'Tariffs'],
    ['supply-chains', 'Supply Chains'],
    ['budgeting', 'Budgeting'],
    ['credit-cards', 'Credit Cards'],
    ['savings', 'Savings'],
    ['retirement', 'Retirement'],
    ['investing', 'Investing'],
    ['taxes', 'Taxes'],
    ['tax-refunds', 'Tax Refunds'],
    ['housing-market', 'Housing Market'],
    ['mortgages', 'Mortgages'],
    ['rent', 'Rent'],
    ['small-business', 'Small Business'],
    ['loans', 'Loans'],
    ['startups', 'Startups'],
  ],
  authors: [
    {
      name: 'Caleb Ostrowski',
      title: 'Markets Editor',
      bio: 'Caleb Ostrowski has covered stocks, bonds and commodities for 15 years. He spent his early career on a trading desk before switching to journalism.',
      beats: ['markets'],
    },
    {
      name: 'Renata Okonjo',
      title: 'Senior Economics Correspondent',
      bio: "Renata Okonjo writes about jobs, inflation and trade, with a focus on how economic data show up in people's lives.",
      beats: ['economy'],
    },
    {
      name: 'Wendell Achterberg',
      title: 'Personal Finance Columnist',
      bio: "Wendell Achterberg answers readers' questions about saving, debt, taxes and retirement in his weekly column.",
      beats: ['personal-finance'],
    },
    {
      name: 'Lucia Brandwell',
      title: 'Real Estate and Small Business Reporter',
      bio: 'Lucia Brandwell covers housing and the small businesses that anchor local economies. She previously wrote for the Coastline Ledger.',
      beats: ['real-estate', 'small-business'],
    },
  ],
};

const health: BrandDef = {
  slug: 'health',
  name: 'Harbor Health',
  tagline: 'Evidence-based health news for everyday life',
  hosts: ['health.localhost', 'www.harborhealth.test'],
  isDefault: false,
  sections: [
    {
      slug: 'nutrition',
      name: 'Nutrition',
      description: 'What the research says about food, diets and eating well.',
      topics: ['x-diets', 'x-food-safety'],
      children: [
        {
          slug: 'diets',
          name: 'Diets',
          description: 'Eating patterns, new studies and practical advice for the kitchen.',
          topics: ['x-diets'],
        },
        {
          slug: 'food-safety',
          name: 'Food Safety',
          description: 'Recalls, outbreaks and how to keep your kitchen safe.',
          topics: ['x-food-safety'],
        },
      ],
    },
    {
      slug: 'fitness',
      name: 'Fitness',
      description: 'Training, movement and the science of staying active.',
      topics: ['x-running', 'x-strength'],
      children: [
        {
          slug: 'running',
          name: 'Running',
          description: 'Training plans, races and injury prevention for runners of every level.',
          topics: ['x-running'],
        },
        {
          slug: 'strength-training',
          name: 'Strength Training',
          description: 'Building strength safely, at the gym or at home.',
          topics: ['x-strength'],
        },
      ],
    },
    {
      slug: 'medicine',
      name: 'Medicine',
      description: 'New research, treatments and what they mean for patients.',
      topics: ['x-heart', 'x-cancer', 'x-infectious'],
      children: [
        {
          slug: 'heart-health',
          name: 'Heart Health',
          description: 'Blood pressure, cholesterol and protecting your heart.',
          topics: ['x-heart'],
        },
        {
          slug: 'cancer',
          name: 'Cancer',
          description: 'Screening, treatment and the latest cancer research.',
          topics: ['x-cancer'],
        },
        {
          slug: 'infectious-disease',
          name: 'Infectious Disease',
          description: 'Viruses, vaccines and how outbreaks are tracked.',
          topics: ['x-infectious'],
        },
      ],
    },
    {
      slug: 'mental-health',
      name: 'Mental Health',
      description: 'Anxiety, depression, stress and finding the right care.',
      topics: ['x-mental'],
    },
    {
      slug: 'wellness',
      name: 'Wellness',
      description: 'Sleep, aging well and the everyday habits that add up.',
      topics: ['x-sleep', 'x-aging'],
      children: [
        {
          slug: 'sleep',
          name: 'Sleep',
          description: 'The science of rest and how to get more of it.',
          topics: ['x-sleep'],
        },
        {
          slug: 'healthy-aging',
          name: 'Healthy Aging',
          description: 'Memory, mobility and staying well in later life.',
          topics: ['x-aging'],
        },
      ],
    },
  ],
  tags: [
    ['nutrition', 'Nutrition'],
    ['diets', 'Diets'],
    ['processed-foods', 'Processed Foods'],
    ['studies', 'New Studies'],
    ['food-safety', 'Food Safety'],
    ['recalls', 'Recalls'],
    ['running', 'Running'],
    ['races', 'Races'],
    ['exercise', 'Exercise'],
    ['injury-prevention', 'Injury Prevention'],
    ['strength-training', 'Strength Training'],
    ['heart-health', 'Heart Health'],
    ['blood-pressure', 'Blood Pressure'],
    ['cholesterol', 'Cholesterol'],
    ['cancer', 'Cancer'],
    ['screening', 'Screening'],
    ['clinical-trials', 'Clinical Trials'],
    ['infectious-disease', 'Infectious Disease'],
    ['vaccines', 'Vaccines'],
    ['public-health', 'Public Health'],
    ['mental-health', 'Mental Health'],
    ['anxiety', 'Anxiety'],
    ['depression', 'Depression'],
    ['sleep', 'Sleep'],
    ['insomnia', 'Insomnia'],
    ['healthy-aging', 'Healthy Aging'],
    ['memory', 'Memory'],
  ],
  authors: [
    {
      name: 'Naomi Ferreira-Lund',
      title: 'Senior Health Correspondent',
      bio: 'Naomi Ferreira-Lund reports on medical research, from heart disease to cancer. She trained as a nurse before becoming a journalist.',
      beats: ['medicine'],
    },
    {
      name: 'Julian Ashcombe',
      title: 'Fitness Editor',
      bio: 'Julian Ashcombe writes about exercise science and training. A lifelong runner, he has finished marathons on four continents.',
      beats: ['fitness', 'wellness'],
    },
    {
      name: 'Priya Ramakrishnan',
      title: 'Nutrition Reporter',
      bio: 'Priya Ramakrishnan covers food, diet research and food safety, and tests every recipe she writes about.',
      beats: ['nutrition'],
    },
    {
      name: 'Theo Lindgren',
      title: 'Mental Health and Wellness Writer',
      bio: 'Theo Lindgren writes about mental health, sleep and aging, with an eye for research that helps readers in practical ways.',
      beats: ['mental-health', 'wellness'],
    },
  ],
};

export const brandDefs: readonly BrandDef[] = [herald, money, health];
