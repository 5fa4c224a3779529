/** Harbor Money topics: markets, the economy, personal finance, real estate and small business. */
import type { Topic } from './corpus.ts';

const companies = [
  'Quillon Foods',
  'Pelican Rail',
  'Brightloop Software',
  'Northstead Energy',
  'Kestrelwing Air',
  'Orrin Therapeutics',
  'Cascadia Retail Group',
  'Halvard Motors',
  'Tessaly Semiconductors',
  'Marrowfield Insurance',
  'Lumavale Devices',
  'Ostrander Logistics',
];

const stocks: Topic = {
  id: 'm-stocks',
  family: 'markets',
  tags: ['stocks'],
  dateline: 'NEW YORK',
  keywords: ['stock market', 'stanton 500', 'earnings season', 'shares', 'investors', 'wall street'],
  images: ['markets'],
  place: 'us',
  roles: [
    ['Chief Executive', 'the chief executive of {company}'],
    ['Chief Financial Officer', 'the chief financial officer of {company}'],
  ],
  slots: { company: companies },
  stories: [
    [
      '{company} shares jump {pct}% after earnings beat forecasts',
      'The company raised its outlook for the year, citing strong demand and lower costs, and analysts rushed to lift their price targets.',
      "Shares of {company} rose {pct} percent after the company reported quarterly profit well above analysts' expectations and raised its forecast for the full year. Revenue grew {pctInt} percent from a year earlier.",
      ['earnings', '@stocks', '@company', '@earnings'],
    ],
    [
      '{company} prices IPO at top of range, valuing it at {bn}',
      'Strong demand from investors allowed the company to raise more than planned, in one of the largest listings of the year.',
      '{company} priced its initial public offering at the top of its expected range, valuing the company at about {bn} and raising more money than it had planned. Trading is expected to begin within days.',
      ['deals', '@stocks', '@company'],
    ],
    [
      'Stanton 500 closes at record as technology shares extend rally',
      'Gains in chipmakers and software companies pushed the broad index to its {nth} record close this year.',
      'The Stanton 500 index closed at a record high, its {nth} of the year, as investors continued to pile into technology shares. The index rose {pct2} percent on the day, with chipmakers among the biggest gainers.',
      ['technology', '@stocks', '@index'],
    ],
    [
      'Tech stocks slide as {company} warns of slower growth',
      "A cautious forecast from one of the sector's most closely watched companies rippled through the market.",
      'Technology shares fell broadly after {company} warned that growth would slow in the coming quarters, sending its own stock down {pct} percent. The Crestline Technology Index lost {pct2} percent.',
      ['technology', 'earnings', '@stocks', '@company'],
    ],
    [
      '{company} agrees to buy {company2} in {bn} deal',
      'The combination would create one of the largest companies in its industry and is expected to face close regulatory scrutiny.',
      '{company} has agreed to acquire {company2} in a cash-and-stock deal valued at about {bn}, the companies announced. Shares of {company2} jumped on the news, while {company} shares slipped.',
      ['deals', '@stocks', '@company'],
    ],
  ],
  paragraphs: [
    '@company {role} {name} told analysts on a conference call that demand had held up better than expected. "Our customers are being careful, but they are not pulling back," {last} said.',
    '@company Analysts at several firms raised their price targets after the announcement. Of the {nn} analysts who cover the stock, a majority now rate it a buy.',
    '@company The stock has gained about {pctInt} percent over the past 12 months, outpacing the broader market. Some investors said the valuation now left little room for disappointment.',
    "@earnings The company's results were helped by cost cuts made last year, including the closure of underused facilities. Margins improved for the {nth} straight quarter.",
    '@company Not everyone was convinced. Short sellers have built sizable positions in the stock, betting that competition will eventually erode its profits.',
    "@index Chipmakers and software companies have accounted for much of the index's gains this year, raising concerns among some strategists that the rally has become too narrow.",
    '@index Investors have been encouraged by steady corporate profits and by signs that inflation is easing. Still, some strategists warned that the market had already priced in a lot of good news.',
  ],
  quotes: [
    '@company We are investing for the next decade, not the next quarter, and our results show that approach is working.',
    '@company We have been disciplined about costs, and that discipline is now showing up in our margins.',
  ],
  subheads: ['Inside the numbers', 'Wall Street reacts', 'Risks ahead'],
  list: [
    '@earnings Highlights from the quarter:',
    [
      'Revenue grew faster than analysts expected',
      'Operating margins widened for a third straight quarter',
      'The company bought back more of its own shares',
      'Management raised its full-year outlook',
    ],
  ],
};

const bonds: Topic = {
  id: 'm-bonds',
  family: 'markets',
  tags: ['interest-rates', 'bonds', 'central-bank'],
  dateline: 'NEW YORK',
  keywords: ['interest rates', 'treasury yields', 'bond market', 'central bank', 'rate cut', 'fixed income'],
  images: ['markets'],
  place: 'us',
  roles: [
    ['', "a member of the central bank's board of governors"],
    ['', "the president of the central bank's regional branch in {city}"],
  ],
  slots: { yield: ['3.9', '4.1', '4.2', '4.4', '4.6', '4.7'] },
  stories: [
    [
      'Central bank holds rates steady, signals patience on cuts',
      'Policymakers left borrowing costs unchanged for the {nth} meeting in a row and said they want more evidence that inflation is cooling.',
      'The central bank left its benchmark interest rate unchanged for the {nth} consecutive meeting, saying it needs more evidence that inflation is on a sustained path back to its target. The decision was widely expected.',
      ['central-bank', '@cb'],
    ],
    [
      '10-year Treasury yield climbs to {yield}% as inflation worries return',
      'Bond prices fell after a stronger-than-expected reading on consumer prices, pushing borrowing costs higher across the economy.',
      'The yield on the 10-year Treasury note rose to {yield} percent, its highest level in several weeks, after new data showed consumer prices rising faster than forecast. Yields move in the opposite direction to prices.',
      ['bonds', 'inflation', '@yields'],
    ],
    [
      'Traders raise bets on a rate cut after central bank speech in {city}',
      'Comments suggesting that policymakers are growing more comfortable with the inflation outlook sent short-term yields lower.',
      'Traders increased bets on an interest rate cut later this year after {name}, {roleDesc}, said in a speech in {city} that inflation was "moving in the right direction." Futures markets now price in a roughly {pctInt} percent chance of a cut at the next meeting.',
      ['central-bank', '@cb'],
    ],
    [
      'Companies sell record {bn} in bonds as borrowers rush to lock in rates',
      "Corporate treasurers are taking advantage of strong investor demand before the central bank's next decision.",
      'Companies sold about {bn} of investment-grade bonds this week, the busiest stretch of issuance on record for this time of year. Bankers said borrowers were rushing to lock in rates before any shift in policy.',
      ['bonds', '@issuance'],
    ],
    [
      '{city} bond sale for new schools draws strong demand from investors',
      'The city was able to borrow at a lower rate than expected, saving taxpayers millions over the life of the debt.',
      '{city} sold {mn} in municipal bonds to finance new school buildings, and strong demand allowed it to borrow at a lower rate than expected. City officials said the savings would amount to millions over the life of the bonds.',
      ['bonds', '@issuance'],
    ],
  ],
  paragraphs: [
    '@yields|cb Higher yields ripple through the economy, raising the cost of mortgages, car loans and business credit. They also make bonds more attractive relative to stocks.',
    "@cb {last} has been among the more closely watched policymakers this year, in part because {last}'s views have shifted as the data changed. Investors parse every speech for hints about timing.",
    'The gap between short- and long-term yields has narrowed in recent months. Historically, an inverted yield curve has been seen as a warning sign for the economy, though its track record is debated.',
    '@cb|yields Minutes from the last policy meeting showed officials divided over how long to keep rates at current levels. Several said they were prepared to act if the job market weakened sharply.',
    '@yields Foreign demand for Treasuries has remained steady, according to the latest government auction results. The most recent sale of 10-year notes drew bids worth {n2} times the amount offered.',
    '@issuance Investors have been eager to buy high-quality bonds while yields remain well above their levels of a few years ago. Strong demand has allowed many issuers to borrow at narrower spreads than expected.',
    '@issuance Bankers said more sales were likely in the coming weeks, as companies and local governments look to refinance older debt and pay for new projects.',
  ],
  quotes: [
    '@cb We are not on a preset course. We will be guided by the data, and the data have been mixed.',
    '@cb Policy is in a good place to respond if conditions change in either direction.',
  ],
  subheads: ['What it means for borrowers', '@cb Reading the central bank', 'The yield curve'],
};

const commodities: Topic = {
  id: 'm-commodities',
  family: 'markets',
  tags: ['commodities'],
  dateline: 'NEW YORK',
  keywords: ['commodities', 'oil prices', 'gold', 'futures', 'crop prices', 'metals'],
  images: ['markets'],
  place: 'us',
  roles: [['', 'a veteran commodities trader in {city}']],
  slots: {
    crop: ['coffee', 'wheat', 'cocoa', 'corn', 'soybeans', 'orange juice'],
  },
  stories: [
    [
      'Oil falls {pct}% as producers signal higher output',
      'Crude prices slid after major exporters indicated they would pump more next quarter, easing fears of a tight market.',
      'Oil prices fell {pct} percent after several major producers signaled that they would increase output next quarter. The decline extended a slide that has taken crude well below its peak earlier in the year.',
      ['energy', '@energy'],
    ],
    [
      'Gold hits new high as investors seek safety',
      'The precious metal has climbed about {pctInt}% this year, supported by central bank purchases and uncertainty over interest rates.',
      'The price of gold rose to a record, extending a rally that has lifted the metal about {pctInt} percent this year. Analysts cited steady buying by central banks and investors seeking a hedge against uncertainty.',
      ['metals', '@metals'],
    ],
    [
      '{crop} prices surge after poor harvest in key growing regions',
      'Dry weather cut yields sharply, and traders say consumers could see higher prices in stores within months.',
      'Futures prices for {crop} jumped to their highest level in years after dry weather damaged harvests in several key growing regions. Traders said the effects could reach grocery shelves within a few months.',
      ['agriculture', '@crops'],
    ],
    [
      'Copper rallies on demand from power grid projects',
      'Utilities and electric vehicle makers are competing for supply, and analysts warn of shortages later this decade.',
      'Copper prices climbed for the {nth} straight session, driven by heavy demand from power grid upgrades and electric vehicle production. Several analysts warned that supply could fall short of demand later this decade.',
      ['metals', 'energy', '@metals'],
    ],
    [
      'Natural gas prices drop as mild weather cuts heating demand',
      'A warmer-than-usual start to the season has left storage levels high and prices at their lowest in months.',
      'Natural gas prices fell to their lowest level in months as mild weather across much of the country reduced demand for heating. Storage levels are about {pctInt} percent above the five-year average.',
      ['energy', '@energy'],
    ],
    [
      'Farmers brace for lower incomes as {crop} prices fall',
      'A bumper crop has pushed prices down, and growers say costs for fertilizer and equipment remain stubbornly high.',
      'A large harvest has pushed {crop} prices down sharply, leaving farmers facing lower incomes even as the cost of fertilizer, fuel and equipment remains high. Farm groups in the Midwest have asked for federal assistance.',
      ['agriculture', '@crops'],
    ],
    [
      'Silver climbs as solar panel makers step up purchases',
      'Industrial demand for the metal has surged, and analysts expect it to outpace mine supply again this year.',
      'Silver prices rose for the {nth} time in two weeks as solar panel manufacturers increased their purchases of the metal, which is used in photovoltaic cells. Industrial demand now accounts for more than half of annual consumption.',
      ['metals', 'energy', '@metals'],
    ],
    [
      'Fertilizer costs ease, offering relief to {crop} growers',
      'Lower prices for key crop nutrients could lift farm margins next season, though growers remain cautious.',
      'Prices for nitrogen and potash fertilizers have fallen about {pctInt} percent from a year ago, offering relief to {crop} growers who saw costs soar in recent seasons. Farm economists said the savings could lift margins next year.',
      ['agriculture', '@crops'],
    ],
  ],
  paragraphs: [
    'Commodity markets have been unusually volatile this year, as shifts in weather, trade policy and interest rates collide. Funds that trade on momentum have amplified some of the moves.',
    '{name}, {roleDesc}, said the swings had become harder to anticipate. "Nobody in this business can predict prices. The job is managing risk whichever way they go," {last} said.',
    '@energy|metals Producers have been cautious about expanding capacity after years of volatile prices. New projects can take a decade to develop and require billions of dollars of investment.',
    'Consumers tend to feel commodity swings with a delay, as companies work through existing contracts and inventories. Economists said the latest moves would show up in price data within a few months.',
    '@metals Warehouse stocks monitored by exchanges have fallen to about {pctInt} percent of their level a year ago. Low inventories can make prices more sensitive to any disruption.',
    '@crops Growers have faced a run of unpredictable seasons, with droughts, floods and heat waves hitting different regions in quick succession. Many have turned to crop insurance and futures contracts to manage the risk.',
  ],
  quotes: [
    'In this business you learn quickly that the weather and the politics matter more than any forecast.',
    'We are seeing demand from places that barely registered five years ago.',
  ],
  subheads: ['Supply and demand', 'Who feels it first', 'The long view'],
};

const economy: Topic = {
  id: 'm-economy',
  family: 'economy',
  tags: ['economy', 'inflation', 'growth', 'consumer-spending'],
  dateline: 'WASHINGTON',
  keywords: ['economy', 'inflation', 'gdp', 'consumer spending', 'economic growth', 'recession risk'],
  images: ['markets', 'map-grid'],
  place: 'us',
  roles: [
    ['Commerce Secretary', 'the commerce secretary'],
    ['Deputy Commerce Secretary', 'the deputy commerce secretary'],
  ],
  slots: { cpi: ['2.4', '2.6', '2.7', '2.9', '3.1', '3.2', '3.4'] },
  stories: [
    [
      'Consumer prices rise {cpi}% from a year earlier as services stay hot',
      "Goods prices were flat, but rent, insurance and other services kept inflation above the central bank's target.",
      'Consumer prices rose {cpi} percent from a year earlier, according to government data, as the cost of services continued to climb. Goods prices were roughly flat, with cheaper used cars offsetting higher food costs.',
      ['inflation', '@data'],
    ],
    [
      'Economy grows at {pct2}% annual rate, beating forecasts',
      'Strong consumer spending and business investment drove the expansion, easing fears of a sharp slowdown.',
      "The economy grew at an annual rate of {pct2} percent last quarter, faster than most economists had expected, according to the government's first estimate. Consumer spending and business investment both contributed.",
      ['growth', '@data'],
    ],
    [
      'Retail sales rise for {nth} month as shoppers keep spending',
      'Sales at stores and restaurants beat expectations, though some of the gain reflected higher prices rather than more purchases.',
      'Retail sales rose for the {nth} consecutive month, as shoppers kept spending at stores, restaurants and online despite higher prices. Sales were up {pct2} percent from the previous month.',
      ['consumer-spending', '@data'],
    ],
    [
      'Consumer confidence slips to lowest level in {months} months',
      'Households are increasingly worried about prices and job security, though spending has so far held up.',
      'A closely watched measure of consumer confidence fell to its lowest level in {months} months, as households reported growing worries about prices and job security. Expectations for the next six months fell most sharply.',
      ['consumer-spending', '@data'],
    ],
    [
      'Economists trim recession odds as growth proves resilient',
      'A survey of forecasters shows the probability of a downturn over the next year has fallen to about {pctInt}%.',
      'Economists surveyed this month put the probability of a recession over the next year at about {pctInt} percent, down from the previous survey. Most pointed to a resilient job market and steady consumer spending.',
      ['growth', '@data'],
    ],
  ],
  paragraphs: [
    'Services have become the main driver of inflation as goods prices have stabilized. Shelter costs, which make up a large share of the index, are rising more slowly than a year ago but remain elevated.',
    '{role} {name} said the numbers reflected "an economy that is still expanding, even if at a more measured pace." Officials have urged patience as the effects of higher rates work through the system.',
    'Spending has been strongest among higher-income households, whose wealth has been buoyed by rising stock and home prices. Lower-income families have cut back on discretionary purchases.',
    'Business surveys point to a cooling but still positive outlook. Manufacturers report fewer new orders, while service companies say demand remains solid.',
    'Economists often caution against reading too much into a single release. Monthly figures are volatile and frequently revised as more complete data arrive.',
  ],
  quotes: [
    'The fundamentals of the economy remain strong, and we are focused on making sure the gains reach every community.',
    'These numbers tell us that American consumers are more resilient than many forecasters assumed.',
  ],
  subheads: ['Inside the data', 'Who is spending', "Inflation's last mile"],
};

const jobs: Topic = {
  id: 'm-jobs',
  family: 'economy',
  tags: ['jobs', 'wages', 'economy'],
  dateline: 'WASHINGTON',
  keywords: ['jobs report', 'unemployment rate', 'hiring', 'wages', 'labor market', 'layoffs'],
  images: ['markets', 'map-grid'],
  place: 'us',
  roles: [
    ['Labor Secretary', 'the labor secretary'],
    ['Commissioner', 'the labor commissioner in {state}'],
  ],
  slots: {
    wage: ['3.6', '3.8', '4.1', '4.3', '4.5'],
    jobless: ['3.8', '3.9', '4.1', '4.2', '4.4'],
    industry: [
      'health care',
      'construction',
      'manufacturing',
      'hospitality',
      'trucking',
      'retail',
      'software',
    ],
  },
  stories: [
    [
      'Employers add {big} jobs; unemployment rate steady at {jobless}%',
      'Hiring cooled slightly from the previous month but remained solid, with gains spread across most industries.',
      'Employers added {big} jobs last month, and the unemployment rate held at {jobless} percent, according to the monthly government report. Hiring was led by {industry} and government.',
      ['@data'],
    ],
    [
      'Wages rise {wage}% from a year ago, outpacing inflation',
      'Paychecks are growing faster than prices for a sustained stretch, though the gains are uneven across industries.',
      'Average hourly earnings rose {wage} percent from a year earlier, outpacing inflation for the {nth} consecutive month. Workers in {industry} saw some of the largest increases.',
      ['wages', '@data'],
    ],
    [
      '{industry} employers struggle to fill {count} open positions in {state}',
      'Businesses say a shortage of trained workers is holding back growth, and the state is expanding training programs.',
      "Employers in {state}'s {industry} sector have about {count} unfilled positions, according to a new state survey, and many say the shortage is limiting their growth. The state plans to expand training programs at community colleges.",
      ['@data'],
    ],
    [
      'Layoff announcements rise in {industry}, but overall claims stay low',
      'Several large employers have cut staff, yet weekly jobless claims suggest the broader labor market remains healthy.',
      'Layoff announcements in {industry} rose to their highest level in months, according to an outplacement firm, but weekly applications for unemployment benefits remain low by historical standards.',
      ['@data'],
    ],
    [
      '{state} raises minimum wage as {count} workers get a pay bump',
      'The increase takes effect next month and is expected to benefit restaurant, retail and care workers most.',
      "About {count} workers in {state} will receive a raise next month when the state's minimum wage increase takes effect. Restaurant, retail and home care workers are expected to benefit most.",
      ['wages'],
    ],
  ],
  paragraphs: [
    'The labor market has cooled gradually from the frenzied pace of recent years, when employers struggled to fill positions. Job openings have declined, but layoffs remain relatively rare.',
    '{role} {name} said the figures showed "a labor market that is bending, not breaking." Officials pointed to rising participation among workers in their prime working years.',
    'Workers in {industry} have seen some of the strongest demand, with employers offering signing bonuses and flexible schedules to attract applicants.',
    "Economists watch wage growth closely because it can feed into inflation. Most said current increases were consistent with a gradual return to the central bank's target.",
    'In {city}, a job fair this month drew {count2} applicants for about {nn} employers, organizers said. Many attendees were looking to switch industries rather than find a first job.',
  ],
  quotes: [
    'Workers have more bargaining power than they did a decade ago, and that is showing up in their paychecks.',
    'Our job is to make sure people have the skills employers need, in every part of the state.',
  ],
  subheads: ['Where the jobs are', 'Paychecks and prices', 'A cooling market'],
  list: [
    'Highlights from the report:',
    [
      'Health care added jobs for the 12th straight month',
      'Manufacturing employment was little changed',
      'Average weekly hours ticked up slightly',
      'The labor force participation rate rose',
    ],
  ],
};

const trade: Topic = {
  id: 'm-trade',
  family: 'economy',
  tags: ['trade', 'tariffs', 'supply-chains'],
  dateline: 'WASHINGTON',
  keywords: ['trade', 'tariffs', 'imports', 'exports', 'supply chain', 'shipping costs'],
  images: ['globe', 'markets'],
  place: 'us',
  roles: [['Trade Representative', "the nation's top trade negotiator"]],
  slots: {
    company: [
      'Ostrander Logistics',
      'Pelican Rail',
      'Halvard Motors',
      'Cascadia Retail Group',
      'Quillon Foods',
    ],
    product: ['steel', 'furniture', 'solar panels', 'auto parts', 'electronics', 'apparel', 'lumber'],
    port: ['Savannah', 'Charleston', 'Long Beach', 'Tacoma', 'Baltimore', 'Houston'],
  },
  stories: [
    [
      'Trade deficit narrows to {bn} as exports of {product} rise',
      'Exports grew faster than imports last month, helped by strong overseas demand and a weaker dollar.',
      'The trade deficit narrowed to {bn} last month as exports rose faster than imports, according to government data. Shipments of {product} were among the strongest categories.',
      ['@data'],
    ],
    [
      'New tariffs on {product} imports take effect, raising costs for buyers',
      'Importers say the duties will be passed on to customers, while domestic producers welcome the protection.',
      'New tariffs on imported {product} took effect this week, adding as much as {pctInt} percent to the cost of some goods. Importers warned that the duties would be passed on to customers.',
      ['tariffs'],
    ],
    [
      'Port of {port} reports record container volumes',
      'Retailers are shipping goods early ahead of the holiday season and possible trade disruptions.',
      'The Port of {port} handled a record number of containers last month, as retailers moved goods early ahead of the holiday season. Port officials said volumes were up {smallPct} percent from a year earlier.',
      ['supply-chains', '@data'],
    ],
    [
      '{company} shifts {product} sourcing to reduce supply chain risk',
      'The company plans to move a large share of production closer to home over the next three years.',
      '{company} said it would shift a large share of its {product} sourcing to suppliers in North America over the next three years, part of a broader effort to reduce exposure to distant supply chains.',
      ['supply-chains', 'tariffs'],
    ],
    [
      'Shipping costs climb as carriers reroute around congested routes',
      'The cost of sending a container across the Pacific has risen sharply, and importers warn of delays.',
      'The cost of shipping a standard container has climbed about {pctInt} percent in recent weeks as carriers reroute vessels around congested routes. Importers at the Port of {port} reported delays of several days.',
      ['supply-chains', '@data'],
    ],
  ],
  paragraphs: [
    'Trade flows have been reshaped in recent years by tariffs, pandemic disruptions and a push by companies to diversify their suppliers. Imports from some countries have fallen while others have risen sharply.',
    '{role} {name} said the administration would continue to use trade policy to protect domestic industries. Critics argue that tariffs act as a tax on consumers and invite retaliation.',
    'Manufacturers that rely on imported components say the uncertainty makes planning difficult. Some have built up inventories as a buffer; others have switched suppliers.',
    'Exporters of farm products have been particularly sensitive to trade disputes. Soybean and pork producers say they lost customers during past rounds of retaliation and have yet to win them back.',
    'Economists estimate that the latest tariffs could add about {pct2} percentage points to prices of affected goods over the next year, though the impact on overall inflation is expected to be small.',
  ],
  quotes: [
    'We want trade that is fair to American workers, and we will use every tool available to achieve it.',
    'Resilience used to be a nice-to-have. Now it is the first question our board asks.',
  ],
  subheads: ['Winners and losers', 'Rewiring supply chains', 'Prices at the register'],
};

const household: Topic = {
  id: 'm-household',
  family: 'personal',
  tags: ['budgeting', 'credit-cards', 'savings'],
  keywords: [
    'personal finance',
    'household budget',
    'credit card debt',
    'savings account',
    'emergency fund',
    'money tips',
  ],
  images: ['rooftops', 'markets'],
  place: 'us',
  roles: [['', 'who runs a nonprofit credit counseling agency in {city}']],
  slots: {
    apy: ['3.8', '4.0', '4.1', '4.25', '4.4'],
    saved: ['$1,870', '$2,140', '$3,480', '$4,920', '$6,310'],
  },
  stories: [
    [
      'Credit card balances hit record {bn}; here is how to pay yours down',
      'Americans are carrying more card debt than ever, and interest rates remain near historic highs. Experts share strategies.',
      'Americans owed a record {bn} on their credit cards last quarter, according to new data, and average interest rates remain above 20 percent. For borrowers, experts say, the priority is stopping the balance from growing.',
      ['credit-cards', '@advice', '@shop'],
    ],
    [
      'High-yield savings accounts still pay {apy}%; are you getting it?',
      'Many savers leave money in accounts paying almost nothing, even as online banks offer far better rates.',
      'Some online banks are still paying around {apy} percent on savings accounts, yet many Americans keep their cash in accounts that pay close to zero. Moving money can take only a few minutes.',
      ['savings', '@advice', '@shop', '@save'],
    ],
    [
      'How one {city} family cut {saved} from its yearly budget',
      'A line-by-line review of bills turned up forgotten subscriptions, overpriced insurance and a costly phone plan.',
      'When {name} and {name2} sat down to review their household spending in {city}, they expected to find a few small savings. Instead, a line-by-line review turned up {saved} a year in costs they could cut.',
      ['budgeting', '@advice', '@shop'],
    ],
    [
      'Buy now, pay later use climbs; what borrowers should know',
      'The installment plans are convenient, but consumer advocates warn that multiple loans can be hard to track.',
      'The number of Americans using buy now, pay later plans has risen sharply, with about {pctInt} percent of adults saying they have used one in the past year. Consumer advocates say the plans can be useful but warn against stacking several at once.',
      ['credit-cards', 'budgeting', '@advice', '@shop'],
    ],
    [
      'Emergency funds: how much is enough, and where to keep it',
      'Planners suggest three to six months of expenses, but even a small cushion can prevent a crisis from turning into debt.',
      'Financial planners often recommend keeping three to six months of expenses in an emergency fund. But for many households, that target feels out of reach, and experts say starting small is better than not starting at all.',
      ['savings', 'budgeting', '@advice', '@save'],
    ],
  ],
  paragraphs: [
    '{name}, {roleDesc}, said clients often underestimate how much they spend on small recurring charges. "Ten dollars here and fifteen there adds up to a car payment by the end of the year," {last} said.',
    'One common strategy for paying down debt is to focus on the highest-interest balance first while making minimum payments on the rest. Another is to pay off the smallest balance first for a psychological boost.',
    'Balance transfer cards can offer a temporary reprieve, with introductory rates of zero for a year or more. But they usually charge a fee, and the rate jumps sharply once the promotion ends.',
    '@save Savers should check that any bank they use is federally insured and compare the rate after any promotional period ends. Some accounts require a minimum balance to earn the advertised yield.',
    '@save Automating savings, even a small amount each payday, is one of the most effective habits, planners say. Money that never lands in a checking account is less likely to be spent.',
  ],
  quotes: [
    'The goal is not to feel guilty about every coffee. It is to make sure your money goes where you actually want it to go.',
    'Debt is not a moral failing. It is a math problem, and math problems have solutions.',
  ],
  subheads: ['Where the money goes', 'A plan to pay it down', 'Making savings automatic'],
  list: [
    'Ways to trim monthly costs:',
    [
      'Cancel subscriptions you have not used in the past month',
      'Call your insurer and ask about discounts',
      'Switch to a cheaper phone plan',
      'Plan meals for the week before shopping',
      'Negotiate your internet bill once a year',
    ],
  ],
};

const retirement: Topic = {
  id: 'm-retirement',
  family: 'personal',
  tags: ['retirement', 'savings', 'investing'],
  keywords: ['retirement savings', '401(k)', 'ira', 'social security', 'pension', 'retirement planning'],
  images: ['rooftops', 'markets'],
  place: 'us',
  roles: [['', 'who directs retirement research at Halden University']],
  slots: {},
  stories: [
    [
      '401(k) contribution limits rise next year; here is what changes',
      'Workers will be able to save more in tax-advantaged accounts, and catch-up limits for older savers are also increasing.',
      'Workers will be able to put more money into their 401(k) plans next year after annual contribution limits were raised to keep pace with inflation. Catch-up limits for savers 50 and older will also increase.',
      ['@advice', '@retire'],
    ],
    [
      'Average 401(k) balance reaches record as markets rally',
      'Strong stock returns and steady contributions have lifted savings, though many workers remain far behind their goals.',
      'The average 401(k) balance reached a record last quarter, according to a large plan administrator, helped by rising stock prices and steady contributions. Balances rose about {pctInt} percent from a year earlier.',
      ['investing', '@advice', '@retire'],
    ],
    [
      'Retiring at {age}? What to know about timing your benefits',
      'Claiming Social Security early means smaller checks for life, while waiting can add substantially to monthly income.',
      'For workers planning to retire at {age}, one of the biggest decisions is when to start Social Security. Claiming early reduces monthly benefits for life, while each year of delay up to 70 increases them.',
      ['@advice', '@retire'],
    ],
    [
      'Target-date funds: are they right for your retirement?',
      'The all-in-one funds have become the default choice for millions of savers, but fees and strategies vary widely.',
      'Target-date funds, which automatically shift from stocks to bonds as retirement approaches, now hold trillions of dollars in workplace plans. But experts say savers should look closely at fees and at how aggressively each fund invests.',
      ['investing', '@advice', '@retire'],
    ],
    [
      'Nearly {pctInt}% of workers in {state} lack a workplace retirement plan',
      'A new state program aims to close the gap by automatically enrolling employees of small businesses.',
      'Nearly {pctInt} percent of private-sector workers in {state} do not have access to a retirement plan at work, according to a new analysis. A state-run program launching next year would automatically enroll many of them.',
      ['@advice', '@retire'],
    ],
  ],
  paragraphs: [
    '{name}, {roleDesc}, said the biggest risk for most savers is not market volatility but starting too late. "Time in the market does much of the heavy lifting," {last} said.',
    'Employer matching contributions are one of the most valuable benefits available, planners say. Workers who do not contribute enough to receive the full match are leaving money on the table.',
    'Roth accounts, funded with after-tax dollars, can be especially attractive for younger workers who expect to be in a higher tax bracket later. Withdrawals in retirement are tax-free if rules are followed.',
    'A common rule of thumb suggests that retirees can withdraw about 4 percent of their savings in the first year and adjust for inflation after that. Some researchers now argue for a more flexible approach.',
    'Fees matter more than many investors realize. A difference of one percentage point a year can reduce a retirement balance by tens of thousands of dollars over a career.',
  ],
  quotes: [
    'The best time to start saving for retirement was at your first job. The second-best time is today.',
    'Retirement is not a single decision. It is a series of choices, and most of them can be adjusted along the way.',
  ],
  subheads: ['How the numbers work', 'Mistakes to avoid', 'Planning for the long run'],
  list: [
    'Questions to ask before you retire:',
    [
      'How much will you need each month to cover essentials?',
      'When will you claim Social Security?',
      'How will you pay for health care before Medicare begins?',
      'Do you have a plan for withdrawals that limits taxes?',
    ],
  ],
};

const taxes: Topic = {
  id: 'm-taxes',
  family: 'personal',
  tags: ['taxes', 'tax-refunds', 'budgeting'],
  keywords: ['taxes', 'tax refund', 'tax filing', 'deductions', 'tax credits', 'irs'],
  images: ['capitol', 'rooftops'],
  place: 'us',
  roles: [['Commissioner', 'the revenue commissioner in {state}']],
  slots: {},
  stories: [
    [
      'Average tax refund up {pct}% so far this filing season',
      'Early filers are getting slightly larger refunds, though officials caution the average may shift as more returns arrive.',
      'The average tax refund is up {pct} percent from last year so far this filing season, according to early government figures. Officials cautioned that the average often changes as more returns are processed.',
      ['tax-refunds', '@advice', '@tax', '@filing'],
    ],
    [
      '{state} expands free tax filing program to {count} more households',
      'The state will help residents file online at no cost, and officials say the program saves families an average of $140.',
      '{state} is expanding its free online tax filing program to about {count} more households this year. Officials said participants saved an average of $140 in preparation fees last season.',
      ['@advice', '@tax', '@filing'],
    ],
    [
      'Freelancers: five deductions you may be missing',
      'Self-employed workers can lower their tax bills by claiming expenses that many overlook, from home offices to health insurance.',
      'The number of Americans earning income from freelance and gig work has grown steadily, and many of them may be paying more tax than necessary. Tax professionals say several common deductions are often overlooked.',
      ['budgeting', '@advice', '@tax', '@filing'],
    ],
    [
      'Child tax credit changes: what families need to know before filing',
      'Eligibility rules and phaseouts have shifted, and some parents could see a different amount than last year.',
      'Families preparing to file their taxes may find that the child tax credit works differently than they remember. Tax professionals say parents should review eligibility rules before assuming the amount will match last year.',
      ['tax-refunds', '@advice', '@tax', '@filing'],
    ],
    [
      'Property tax bills in {city} climb {smallPct}% after reassessment',
      'Homeowners are receiving notices of sharply higher valuations, and many plan to appeal.',
      'Homeowners in {city} are receiving property tax bills as much as {smallPct} percent higher than last year after a countywide reassessment. Local officials said appeals can be filed online through the end of next month.',
      ['@advice', '@tax', '@property'],
    ],
  ],
  paragraphs: [
    '@filing The simplest way to avoid delays is to file electronically and choose direct deposit, officials say. Paper returns can take several weeks longer to process.',
    '@filing {role} {name} urged residents to beware of scams, which tend to spike during filing season. Legitimate tax agencies do not demand payment by gift card or threaten immediate arrest.',
    '@filing A large refund is not necessarily good news, planners note. It means you lent the government money interest-free during the year, money that could have been saved or used to pay down debt.',
    '@filing Self-employed workers generally must make estimated tax payments four times a year. Missing them can result in penalties even if the full amount is paid at filing time.',
    'Keeping organized records throughout the year makes filing much easier. Many taxpayers use a simple folder or spreadsheet to track receipts and income statements as they arrive.',
    '@property Assessors said home values in the county had risen sharply since the last reassessment, driven by strong demand and a limited supply of homes for sale. Tax rates themselves were not changed.',
    '@property Homeowners who believe their assessment is too high can file an appeal with evidence such as recent sales of comparable homes. Some older and disabled homeowners may also qualify for exemptions.',
  ],
  quotes: [
    '@filing Our goal is to make filing as simple as possible, so families keep more of what they earn.',
    'Most people overpay because they do not know what they are entitled to, not because they are careless.',
  ],
  subheads: ['Before you file', 'Common errors', 'Getting help'],
  list: [
    '@filing Documents to gather before filing:',
    [
      'Income statements from every employer',
      'Forms for interest, dividends and freelance income',
      'Records of charitable donations',
      'Receipts for child care and education expenses',
    ],
  ],
};

const realEstate: Topic = {
  id: 'm-real-estate',
  family: 'personal',
  tags: ['housing-market', 'mortgages', 'rent'],
  keywords: ['real estate', 'housing market', 'mortgage rates', 'home prices', 'rent', 'homebuyers'],
  images: ['rooftops', 'map-grid'],
  place: 'us',
  roles: [['', 'president of the {city} association of real estate agents']],
  slots: { rate: ['5.9', '6.1', '6.2', '6.4', '6.6', '6.8', '7.1'] },
  stories: [
    [
      'Mortgage rates fall to {rate}%, lowest in {months} months',
      'The dip is bringing some buyers back to the market, though prices remain near record highs in many areas.',
      'The average rate on a 30-year fixed mortgage fell to {rate} percent this week, the lowest level in {months} months, according to a weekly survey of lenders. Applications for home purchases rose in response.',
      ['mortgages', '@market', '@advice', '@home', '@shop'],
    ],
    [
      'Home prices in {city} rise {pctInt}% as inventory stays tight',
      'Buyers are competing for a small number of listings, and many homes are selling above their asking price.',
      'The median home price in {city} rose {pctInt} percent from a year earlier, according to local sales data, as a shortage of homes for sale kept competition intense. Many listings received multiple offers within days.',
      ['@market', '@home'],
    ],
    [
      'Rents in {city} ease as new apartment buildings open',
      'A wave of construction has given renters more choices, and some landlords are offering a month of free rent.',
      'Average rents in {city} fell slightly over the past year as a wave of new apartment buildings opened, giving tenants more bargaining power. Some landlords are offering a month of free rent to fill vacant units.',
      ['rent', '@market', '@home'],
    ],
    [
      'First-time buyers in {state} get help from new down payment program',
      'The state will offer low-interest loans of up to $25,000 to qualifying buyers, with priority for teachers and nurses.',
      '{state} launched a program offering first-time homebuyers low-interest loans of up to $25,000 toward a down payment. Officials said about {count} households could qualify in the first year.',
      ['mortgages', '@advice', '@home', '@shop'],
    ],
    [
      'Should you rent or buy? A new analysis says it depends on your city',
      'In some metro areas, buying a home costs far more each month than renting a similar one, while in others the gap is small.',
      'Buying a home now costs significantly more each month than renting a comparable one in most large metro areas, according to a new analysis. But in places like {city}, the gap is much smaller.',
      ['rent', '@advice', '@market', '@home'],
    ],
  ],
  paragraphs: [
    '@market {name}, {roleDesc}, said buyers had become more cautious but had not disappeared. "People still want to own homes. They are just doing the math more carefully," {last} said.',
    'Many homeowners are reluctant to sell because they locked in much lower mortgage rates several years ago. That has kept the number of homes for sale well below normal levels.',
    'Builders have tried to fill the gap, offering incentives such as rate buydowns and paid closing costs. New construction now makes up a larger share of the market than usual.',
    'Renters face their own pressures. Although rent growth has slowed nationally, about half of renters spend more than 30 percent of their income on housing.',
    '@advice Buyers should get preapproved before house hunting and compare offers from several lenders, experts say. Small differences in rates can add up to tens of thousands of dollars over a 30-year loan.',
  ],
  quotes: [
    'The market is not frozen, but it is definitely moving in slow motion.',
    'If you find a home you love and can afford the payment, trying to time the market rarely pays off.',
  ],
  subheads: ['Buyers and sellers', 'The rate factor', 'For renters'],
  list: [
    'Tips for first-time buyers:',
    [
      'Get preapproved before you start looking',
      'Budget for closing costs and repairs, not just the down payment',
      'Ask about local and state assistance programs',
      'Compare loan offers from at least three lenders',
    ],
  ],
};

const smallBusiness: Topic = {
  id: 'm-small-business',
  family: 'personal',
  tags: ['small-business', 'loans', 'startups'],
  keywords: [
    'small business',
    'entrepreneurs',
    'startups',
    'business loans',
    'main street',
    'local business',
  ],
  images: ['map-grid', 'markets'],
  place: 'us',
  roles: [['', 'who owns {business} in {city}']],
  slots: {
    business: [
      'a bakery',
      'a bike shop',
      'a family hardware store',
      'a craft brewery',
      'a bookstore',
      'a print shop',
      'a coffee roaster',
    ],
  },
  stories: [
    [
      'Small business optimism rises as borrowing costs ease',
      'Owners are more upbeat about sales and hiring, according to a monthly survey, though many still cite inflation as a top concern.',
      'A monthly survey of small business owners showed optimism rising for the {nth} consecutive month, as easing borrowing costs and steady sales lifted expectations. Inflation remained the most frequently cited problem.',
      ['loans', '@market', '@business'],
    ],
    [
      'How {business} in {city} survived a year of rising costs',
      'The owners raised prices, trimmed their menu of products and leaned on loyal customers to keep the doors open.',
      'When costs for rent, ingredients and insurance all rose at once, the owners of {business} in {city} had to decide quickly what to change. A year later, the business is still open, and busier than before.',
      ['@market', '@business'],
    ],
    [
      'New business applications in {state} hit record pace',
      'Entrepreneurs filed {count} applications in the past quarter, led by online retailers and service businesses.',
      'Entrepreneurs in {state} filed about {count} applications to start new businesses last quarter, the highest figure on record, according to state data. Online retailers and professional services led the growth.',
      ['startups', '@market', '@business'],
    ],
    [
      '{city} launches {mn} fund for small business loans',
      'The program will offer low-interest loans to businesses that have struggled to get credit from traditional banks.',
      '{city} launched a {mn} loan fund for small businesses that have had trouble getting credit from banks, with a focus on neighborhoods that have seen little investment. Loans will range from $5,000 to $150,000.',
      ['loans', '@market', '@business'],
    ],
    [
      'Startup funding rebounds as investors return to early-stage deals',
      'Venture capital investment rose for the first time in several quarters, with health and climate companies drawing the most money.',
      'Venture capital investment in early-stage companies rose for the first time in several quarters, according to a new industry report. Startups in health care and climate technology attracted the largest share of the money.',
      ['startups', '@market', '@business'],
    ],
  ],
  paragraphs: [
    '{name}, {roleDesc}, said the past year had required constant adjustment. "Every month there was a new cost to absorb, and we could only pass so much of it on," {last} said.',
    'Small businesses employ nearly half of private-sector workers, making their health an important indicator for the broader economy. Many operate on thin margins that leave little room for error.',
    'Access to credit remains a challenge, especially for newer businesses without long financial histories. Community lenders and credit unions have stepped in to fill some of the gap.',
    'Owners said that loyal customers had made the difference during difficult months. Several described regulars who bought gift cards in advance or recommended the business to friends.',
    'Local officials in {city} have tried to make it easier to open a business by streamlining permits and offering free advice sessions at the public library.',
  ],
  quotes: [
    'Running a small business is not one big decision. It is a thousand small ones, every single week.',
    'Our customers kept us going. The least we can do is keep showing up for them.',
  ],
  subheads: ['Main Street pressures', 'Finding capital', 'Lessons learned'],
  list: [
    'Resources for small business owners:',
    [
      'Free one-on-one advice from local business development centers',
      'Low-interest loans from community lenders',
      'Workshops on bookkeeping and marketing at public libraries',
      'Online guides to permits and licensing',
    ],
  ],
};

export const moneyTopics: readonly Topic[] = [
  stocks,
  bonds,
  commodities,
  economy,
  jobs,
  trade,
  household,
  retirement,
  taxes,
  realEstate,
  smallBusiness,
];
