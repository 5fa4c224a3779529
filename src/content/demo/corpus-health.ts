/** Harbor Health topics: nutrition, fitness, medicine, mental health and wellness. */
import type { Topic } from './corpus.ts';

const researcher = (field: string): readonly [string, string] => ['Dr.', field];

const diets: Topic = {
  id: 'x-diets',
  family: 'research',
  tags: ['nutrition', 'diets', 'studies'],
  keywords: ['nutrition', 'diet', 'healthy eating', 'nutrition study', 'whole grains', 'vegetables'],
  images: ['leaf'],
  place: 'us',
  roles: [
    researcher('a nutrition scientist at Brightwater University'),
    researcher('an epidemiologist at the Halden School of Public Health'),
  ],
  slots: {
    food: [
      'legumes',
      'whole grains',
      'leafy greens',
      'nuts',
      'berries',
      'fermented foods',
      'olive oil',
      'oily fish',
    ],
    outcome: [
      'type 2 diabetes',
      'heart disease',
      'high blood pressure',
      'weight gain in middle age',
      'stroke',
    ],
  },
  stories: [
    [
      'Eating more {food} linked to lower risk of {outcome}, study finds',
      'People who ate the most had a {pctInt}% lower risk than those who ate the least, in a study that followed {count} adults.',
      'Adults who regularly ate {food} had a {pctInt} percent lower risk of developing {outcome} than those who rarely did, according to a study that followed {count} people for more than a decade. The researchers said the findings held after accounting for exercise and income.',
      ['diets', '@study', '@cohort', '@food'],
    ],
    [
      'Mediterranean-style diet may lower risk of {outcome}, trial suggests',
      'Participants who followed the eating plan for two years showed measurable improvements compared with a control group.',
      'A two-year clinical trial found that people who followed a Mediterranean-style diet, rich in vegetables, {food} and olive oil, showed measurable improvements in markers of {outcome} compared with a control group.',
      ['diets', '@study', '@trial', '@food'],
    ],
    [
      'Ultraprocessed foods make up {pctInt}% of calories in American diets',
      'A new analysis of national survey data shows that reliance on packaged snacks and ready meals has grown, especially among teenagers.',
      'Ultraprocessed foods now account for about {pctInt} percent of the calories Americans eat, according to an analysis of national survey data. The share was highest among teenagers and lowest among adults over 60.',
      ['processed-foods', '@study', '@processed'],
    ],
    [
      'Cutting added sugar by {pctInt}% could prevent thousands of heart attacks',
      'A modeling study estimates the health benefits of reformulating packaged foods and drinks over the next decade.',
      'Reducing added sugar in packaged foods and drinks by {pctInt} percent could prevent thousands of heart attacks and strokes over the next decade, according to a new modeling study. The authors called for voluntary targets for manufacturers.',
      ['processed-foods', '@study', '@processed'],
    ],
    [
      'Does breakfast really matter? What the latest research says',
      'Studies on skipping the morning meal have produced mixed results. Experts say what you eat matters more than when.',
      'For decades, breakfast was called the most important meal of the day. But studies have produced mixed results, and a new review of {nn} trials suggests that what people eat matters more than when they eat it.',
      ['@study'],
    ],
  ],
  paragraphs: [
    '@food {role} {name}, {roleDesc}, who led the research, said the benefits appeared to build over time. "This is not about a single superfood. It is about a pattern of eating sustained for years," {last} said.',
    '@cohort Participants completed detailed food questionnaires at the start of the study and every few years after. Researchers used those reports to estimate how often each person ate {food}.',
    'Nutrition experts said the findings were consistent with long-standing advice to eat more plants and fewer processed foods. Even modest shifts, such as adding one serving a day, may make a difference.',
    'Registered dietitians recommend introducing changes gradually. Swapping one snack a day or adding vegetables to a familiar recipe is easier to sustain than an overhaul.',
    '@processed Food industry groups said the study did not account for improvements in product formulation in recent years. The researchers responded that their results held across different time periods.',
  ],
  quotes: [
    'People do not eat nutrients. They eat meals, and the overall pattern is what seems to matter most.',
    'You do not have to be perfect. Small, steady changes to what is on your plate add up over years.',
  ],
  subheads: ['What participants ate', 'Putting it on your plate', 'Why patterns matter'],
  list: [
    '@food Simple ways to eat more {food}:',
    [
      'Add a serving to breakfast or lunch',
      'Keep a ready-to-eat supply in the refrigerator',
      'Swap one processed snack a day',
      'Try one new recipe each week',
    ],
  ],
};

const foodSafety: Topic = {
  id: 'x-food-safety',
  family: 'publichealth',
  tags: ['food-safety', 'nutrition'],
  keywords: ['food safety', 'recall', 'foodborne illness', 'outbreak', 'food inspection', 'salmonella'],
  images: ['leaf', 'molecule'],
  place: 'us',
  roles: [
    ['Dr.', 'the state epidemiologist in {state}'],
    ['Commissioner', 'the agriculture commissioner in {state}'],
  ],
  slots: {
    product: [
      'bagged salad',
      'frozen berries',
      'ground beef',
      'soft cheese',
      'raw sprouts',
      'packaged cookie dough',
      'deli meats',
    ],
    brand: ['Meadowline Farms', 'Sunbrook Foods', 'Kettle Ridge', 'Green Furrow', 'Pinecrest Provisions'],
    germ: ['salmonella', 'listeria', 'E. coli', 'norovirus'],
  },
  stories: [
    [
      '{brand} recalls {product} over possible {germ} contamination',
      'The products were sold in {n} states, and consumers are urged to throw them away or return them for a refund.',
      '{brand} is recalling {product} sold in {n} states because the products may be contaminated with {germ}, the company announced. No illnesses had been confirmed as of the announcement.',
      ['recalls', '@recall'],
    ],
    [
      '{germ} outbreak linked to {product} sickens {nn} people',
      'Health officials say the illnesses have been reported in several states, and an investigation into the source is under way.',
      'At least {nn} people in several states have become ill in an outbreak of {germ} linked to {product}, health officials said. Investigators are tracing the products back through distributors to identify the source.',
      ['recalls', '@recall', '@outbreak'],
    ],
    [
      'Restaurant inspections in {city} find violations at {pctInt}% of sites',
      'A review of a year of inspection reports shows most problems were minor, but some restaurants were cited repeatedly.',
      'An analysis of a year of restaurant inspection reports in {city} found at least one violation at {pctInt} percent of sites, though most were minor. A small number of restaurants were cited repeatedly for serious problems.',
      ['@inspect'],
    ],
    [
      'How long do leftovers really last? Food safety experts weigh in',
      'Most cooked food is safe in the refrigerator for three to four days, experts say, but some items deserve extra caution.',
      'Cooked leftovers are generally safe in the refrigerator for three to four days, according to food safety experts. But rice, seafood and dishes made with eggs deserve particular care.',
      ['@advice'],
    ],
    [
      '{state} expands testing of {product} after string of recalls',
      'State inspectors will collect more samples from processing plants and farms, officials said.',
      'Agriculture officials in {state} will expand testing of {product} after a string of recalls over the past year. Inspectors plan to collect roughly {pctInt} percent more samples from processing plants and farms.',
      ['recalls', '@inspect'],
    ],
  ],
  paragraphs: [
    '@recall {role} {name}, {roleDesc}, said consumers should check their refrigerators and freezers for the affected products. "When in doubt, throw it out," {last} said.',
    '@recall|outbreak Symptoms of {germ} infection can include fever, diarrhea and stomach cramps, and usually begin within a few days of exposure. Young children, older adults and pregnant people face a higher risk of serious illness.',
    "@recall The affected products can be identified by lot codes and best-by dates printed on the packaging. A full list has been posted on the company's website and by federal regulators.",
    'Foodborne illness sickens millions of Americans every year, most of whom never learn the cause. Outbreaks are identified when laboratories match genetic fingerprints from patients in different places.',
    'Experts recommend keeping refrigerators at or below 40 degrees Fahrenheit and separating raw meat from ready-to-eat foods. Washing hands and surfaces often is another simple safeguard.',
    '@inspect Inspectors check food temperatures, hand-washing stations, pest control and how raw and cooked foods are stored. Serious violations can lead to a follow-up visit within days or a temporary closure.',
    '@inspect {role} {name}, {roleDesc}, said most businesses take food safety seriously. "Inspections are about prevention. We would much rather fix a problem in a kitchen than trace an outbreak," {last} said.',
    '@advice When reheating leftovers, heat food until it is steaming hot all the way through. If something smells or looks off, experts say, it is not worth the risk.',
  ],
  quotes: [
    '@recall We acted as soon as we had the test results. Public health comes before everything else.',
    'Most foodborne illness is preventable, and the steps that prevent it are simple.',
  ],
  subheads: ['What consumers should do', '@recall Tracing the outbreak', 'Kitchen safety basics'],
  list: [
    'Food safety basics:',
    [
      'Keep the refrigerator at 40 degrees Fahrenheit or below',
      'Use a thermometer to check that meat is fully cooked',
      'Refrigerate leftovers within two hours',
      'Wash hands and cutting boards after handling raw meat',
    ],
  ],
};

const running: Topic = {
  id: 'x-running',
  family: 'lifestyle',
  tags: ['running', 'exercise', 'injury-prevention'],
  keywords: ['running', 'marathon training', 'jogging', 'endurance', 'running injuries', 'cardio'],
  images: ['track'],
  place: 'us',
  roles: [
    ['Coach', 'a running coach in {city}'],
    ['Dr.', 'a sports medicine physician in {city}'],
  ],
  slots: {
    race: ['5K', '10K', 'half marathon', 'marathon', 'trail race'],
  },
  stories: [
    [
      'Training for your first {race}? Coaches share a {weeks}-week plan',
      'The key is building mileage gradually and mixing in rest days, coaches say, whether you are a new runner or returning after a break.',
      'Thousands of people sign up for their first {race} every year, and many of them wonder how to prepare. Coaches say a gradual {weeks}-week plan can get most healthy adults to the finish line.',
      ['races'],
    ],
    [
      'Running just {nn} minutes a week tied to longer life, study finds',
      'Researchers found benefits even among people who ran slowly and infrequently, with little extra gain from running more.',
      'People who ran for as little as {nn} minutes a week had a lower risk of dying from any cause over the study period than non-runners, according to an analysis of data from {count} adults. Running more did not appear to add much benefit.',
      ['studies', '@study'],
    ],
    [
      'Record {count} runners expected for {city} {race}',
      'Organizers have added a new course and more water stations, and city officials have announced road closures.',
      "A record {count} runners are expected at this year's {city} {race}, organizers said, and a redesigned course will take participants through several neighborhoods for the first time. Road closures begin early in the morning.",
      ['races', '@event'],
    ],
    [
      "Shin splints, runner's knee and more: how to avoid common running injuries",
      'Most overuse injuries stem from doing too much too soon. Physical therapists explain the warning signs.',
      'Most running injuries are not caused by a single bad step but by doing too much, too soon. Physical therapists say recognizing early warning signs can keep a minor ache from becoming a months-long setback.',
      ['injury-prevention'],
    ],
    [
      'Why more runners are slowing down to get faster',
      'Easy, conversational-pace runs build endurance with less risk of injury, and coaches say most recreational runners go too hard.',
      'Many recreational runners push the pace on almost every run. Coaches and researchers say that spending most training time at an easy, conversational pace builds endurance more effectively, with less risk of injury.',
    ],
  ],
  paragraphs: [
    '{role} {name}, {roleDesc}, tells new runners to think in terms of minutes, not miles. "Get comfortable being on your feet for 30 minutes before you worry about pace," {last} said.',
    'A common guideline is to increase weekly mileage by no more than about 10 percent at a time. Every third or fourth week, many plans reduce the load to allow recovery.',
    'Walk breaks are not cheating, coaches say. Alternating running and walking is a proven way for beginners to build endurance and for experienced runners to manage long distances.',
    'Shoes matter, but there is no single best model. Experts recommend trying several pairs at a specialty store and choosing the ones that feel most comfortable from the first step.',
    'Strength exercises for the hips, glutes and calves can help prevent injuries, physical therapists say. Two short sessions a week are enough for most runners.',
    '@study The researchers pooled data from several long-running studies, comparing runners with people who did not run. The benefits appeared across age groups and among both men and women.',
    '@event Organizers said hundreds of volunteers would staff water stations, medical tents and the finish area. Spectators are encouraged to use public transit, as parking near the course will be limited.',
  ],
  quotes: [
    'The finish line is the reward, but the real achievement is showing up for every training run before it.',
    'Most injuries I see are not bad luck. They are a training plan that asked for too much, too quickly.',
  ],
  subheads: ['Building mileage', 'On race day', 'Staying injury-free'],
  list: [
    'A sample training week:',
    [
      'Two easy runs at a conversational pace',
      'One session of short, faster intervals',
      'One longer run at an easy pace',
      'Two rest or cross-training days',
    ],
  ],
};

const strength: Topic = {
  id: 'x-strength',
  family: 'lifestyle',
  tags: ['strength-training', 'exercise', 'injury-prevention'],
  keywords: ['strength training', 'weightlifting', 'muscle', 'resistance exercise', 'workout', 'bone health'],
  images: ['track', 'heartbeat'],
  place: 'us',
  roles: [
    ['Coach', 'a certified strength coach in {city}'],
    ['Dr.', 'an exercise scientist at Brightwater University'],
  ],
  slots: {
    move: ['squats', 'deadlifts', 'push-ups', 'lunges', 'rows', 'step-ups'],
  },
  stories: [
    [
      'Two strength sessions a week may lower risk of early death, study finds',
      'Adults who did muscle-strengthening exercise twice a week had better outcomes, even without much aerobic activity.',
      'Adults who did muscle-strengthening exercises at least twice a week had a {pctInt} percent lower risk of dying early than those who did none, according to an analysis of data from {count} people. The benefit was seen even among people who did little aerobic exercise.',
      ['studies', '@study'],
    ],
    [
      'Lifting weights after 60: what trainers want older adults to know',
      'Strength training can help preserve muscle, protect bones and reduce the risk of falls. Starting slowly is key.',
      'Muscle mass declines steadily with age, but research shows strength training can slow or even reverse that loss. Trainers who work with older adults say it is never too late to start, as long as you start sensibly.',
      ['healthy-aging'],
    ],
    [
      'How to do {move} correctly, according to coaches',
      'Good form protects your joints and makes the exercise more effective. Coaches explain the most common mistakes.',
      '{move} are one of the most effective strength exercises, but they are also one of the most often done wrong. Coaches say a few simple cues can make them safer and more effective.',
      ['injury-prevention'],
    ],
    [
      'No gym? A {nn}-minute strength routine you can do at home',
      'Body-weight exercises and a sturdy chair are all you need for an effective full-body workout, trainers say.',
      'You do not need a gym membership to build strength. Trainers say a {nn}-minute routine of body-weight exercises, done two or three times a week, can produce real gains for beginners.',
    ],
    [
      'Women who lift weights see gains in bone density, trial shows',
      'Participants in a supervised program improved bone strength over a year, a finding that could help prevent fractures.',
      'Women who took part in a supervised weightlifting program for a year showed measurable improvements in bone density compared with a control group, according to a new trial. The researchers said the findings could help prevent fractures later in life.',
      ['studies', 'healthy-aging', '@study'],
    ],
  ],
  paragraphs: [
    '{role} {name}, {roleDesc}, said many beginners are intimidated by weights. "Start with your own body weight and master the movement before you add load," {last} said.',
    'Health guidelines recommend muscle-strengthening activities that work all major muscle groups on at least two days a week. Fewer than a third of adults meet that target.',
    'Progression is essential. Once an exercise feels easy for the prescribed number of repetitions, add a little weight or a few more repetitions to keep challenging the muscles.',
    'Rest between sessions allows muscles to repair and grow stronger. Most programs leave at least one day between workouts that target the same muscle groups.',
    'Strength training benefits more than muscles. Studies link it to better blood sugar control, improved mood and a lower risk of falls among older adults.',
    '@study Participants who did both strength and aerobic exercise saw the largest benefits, the researchers found. But even people who only lifted weights fared better than those who did neither.',
  ],
  quotes: [
    'Strength is the foundation for everything else: walking, carrying groceries, playing with your grandchildren.',
    'Good form is not about looking pretty. It is about making sure you can keep training for decades.',
  ],
  subheads: ['Getting the form right', 'How much is enough', 'Beyond the muscles'],
  list: [
    'A beginner routine:',
    [
      'Chair squats: three sets of 10',
      'Wall or incline push-ups: three sets of eight',
      'Step-ups on a low stair: three sets of eight per leg',
      'Plank: three holds of 20 seconds',
    ],
  ],
};

const heart: Topic = {
  id: 'x-heart',
  family: 'research',
  tags: ['heart-health', 'blood-pressure', 'cholesterol'],
  keywords: [
    'heart health',
    'cardiology',
    'blood pressure',
    'cholesterol',
    'heart attack',
    'cardiovascular disease',
  ],
  images: ['heartbeat'],
  place: 'us',
  roles: [
    researcher('a cardiologist at Brightwater University Medical Center'),
    researcher('a preventive cardiologist at the Halden Institute for Heart Research'),
  ],
  slots: {
    habit: [
      'walking after meals',
      'cutting back on salt',
      'regular sauna use',
      'gardening',
      'taking the stairs',
      'daily stretching',
    ],
  },
  stories: [
    [
      'Home blood pressure checks help patients reach targets sooner, trial finds',
      'Patients who measured their blood pressure at home and shared readings with doctors reached healthy levels months earlier.',
      'Patients with high blood pressure who measured it at home and shared the readings with their doctors reached healthy levels months sooner than those who relied on office visits alone, according to a clinical trial involving {count} adults.',
      ['blood-pressure', 'studies', '@study', '@trial', '@habit'],
    ],
    [
      '{habit} linked to lower heart disease risk in large study',
      'People who reported the habit had fewer heart attacks and strokes over {years} years, though researchers caution the study cannot prove cause.',
      'People who reported {habit} had a {pctInt} percent lower risk of heart attack and stroke over {years} years than those who did not, according to a study of {count} adults. The researchers cautioned that the study was observational.',
      ['studies', '@study', '@cohort', '@habit'],
    ],
    [
      'New cholesterol guidelines could make {big} more adults eligible for treatment',
      'Updated recommendations lower the threshold for considering medication, a change some doctors welcome and others question.',
      'Updated guidelines for treating high cholesterol could make about {big} more adults eligible for medication, according to an analysis published alongside the recommendations. Some doctors welcomed the change; others worried about overtreatment.',
      ['cholesterol', '@guide'],
    ],
    [
      'Heart attack symptoms in women are often missed. Doctors explain why.',
      'Women are more likely than men to have symptoms such as nausea, fatigue and shortness of breath, and to delay seeking care.',
      'Chest pain is the most common heart attack symptom in both men and women, but women are more likely to experience nausea, fatigue or shortness of breath as well. Doctors say those symptoms are often dismissed, delaying treatment.',
    ],
    [
      'Blood pressure drug combination cuts strokes by {pctInt}% in trial',
      'A single pill containing low doses of several medications outperformed standard care in a multiyear study.',
      'A single daily pill combining low doses of several blood pressure medications reduced strokes by {pctInt} percent compared with standard care, according to a multiyear trial. Researchers said the approach could simplify treatment.',
      ['blood-pressure', 'studies', '@study', '@trial'],
    ],
  ],
  paragraphs: [
    '@habit {role} {name}, {roleDesc}, who led the research, said the results were encouraging for patients and doctors alike. "These are changes people can make without a prescription, and they appear to add up," {last} said.',
    'Heart disease remains the leading cause of death in the United States for both men and women. Many of its risk factors, including high blood pressure and high cholesterol, cause no symptoms for years.',
    'About half of American adults have high blood pressure, and many of them do not know it. Doctors recommend regular checks starting in early adulthood.',
    '@trial Participants in the trial had an average age of {age} and were followed for several years. The researchers tracked heart attacks, strokes and hospital admissions for heart failure.',
    'Lifestyle changes and medication work best together, cardiologists say. Patients should not stop prescribed drugs without talking to their doctor, even if their numbers improve.',
    '@guide The guidelines were written by a panel of cardiologists, primary care doctors and pharmacists who reviewed years of research. They emphasize a conversation between patients and doctors about overall risk, not a single number.',
  ],
  quotes: [
    'Blood pressure is a number you can change, and changing it saves lives.',
    'We spend a lot of time on the latest procedures. The biggest gains still come from the basics.',
  ],
  subheads: ['How the trial worked', 'Know your numbers', 'Advice for patients'],
  list: [
    'Steps to protect your heart:',
    [
      'Check your blood pressure regularly',
      'Aim for 150 minutes of moderate activity a week',
      'Limit salt and highly processed foods',
      'Do not smoke, and avoid secondhand smoke',
    ],
  ],
};

const cancer: Topic = {
  id: 'x-cancer',
  family: 'research',
  tags: ['cancer', 'screening', 'clinical-trials'],
  keywords: [
    'cancer research',
    'cancer screening',
    'oncology',
    'clinical trial',
    'immunotherapy',
    'early detection',
  ],
  images: ['molecule'],
  place: 'us',
  roles: [
    researcher('an oncologist at the Northgate Cancer Center'),
    researcher('a cancer researcher at Carrow College'),
  ],
  slots: {
    cancer: [
      'colorectal cancer',
      'lung cancer',
      'breast cancer',
      'skin cancer',
      'pancreatic cancer',
      'ovarian cancer',
    ],
    annual: ['1.2', '1.5', '1.8', '2.1', '2.4'],
    therapy: [
      'an immunotherapy combination',
      'a targeted drug',
      'a personalized cancer vaccine',
      'a shorter course of radiation',
    ],
  },
  stories: [
    [
      '{therapy} shrinks tumors in {pctInt}% of patients with advanced {cancer}',
      'Early trial results are promising, researchers say, though larger studies are needed to confirm the benefit.',
      'In an early-stage clinical trial, {therapy} shrank tumors in {pctInt} percent of patients with advanced {cancer}, researchers reported. The results were presented at a medical conference and have not yet been published in a journal.',
      ['clinical-trials', '@study', '@trial'],
    ],
    [
      '{cancer} screening rates rebound, but gaps remain in rural areas',
      'More adults are getting recommended screenings, yet people in rural counties still lag well behind.',
      'Screening rates for {cancer} have returned to pre-pandemic levels nationwide, according to a new analysis, but adults in rural counties remain significantly less likely to be screened than those in cities.',
      ['screening', '@study'],
    ],
    [
      'Blood test detects {cancer} earlier in study of {count} adults',
      'The experimental test found some cancers before symptoms appeared, but researchers say it is not ready for routine use.',
      'An experimental blood test detected {cancer} at earlier stages than usual in a study of {count} adults, researchers reported. The test is not yet approved, and experts cautioned that false positives remain a concern.',
      ['screening', '@study'],
    ],
    [
      'Rates of {cancer} rising among younger adults, report finds',
      'Diagnoses among people under 50 have increased steadily, and researchers are still searching for the reasons.',
      'Diagnoses of {cancer} among adults under 50 have risen by about {annual} percent a year over the past decade, according to a new report. Researchers say the reasons are not yet clear.',
      ['screening', '@study'],
    ],
    [
      '{city} hospital opens trial of {therapy} for {cancer}',
      'The study will enroll about {nn} patients over the next two years, and doctors hope it will lead to gentler treatment.',
      'Doctors in {city} have opened a clinical trial testing {therapy} in patients with {cancer}, with plans to enroll about {nn} patients over two years. The researchers hope the approach will prove both effective and easier to tolerate.',
      ['clinical-trials', '@trialstart'],
    ],
  ],
  paragraphs: [
    '@study {role} {name}, {roleDesc}, who led the research, said the results gave patients reason for cautious hope. "We have to be careful not to overpromise, but this is a meaningful step," {last} said.',
    '@trial Side effects in the trial were generally manageable, the researchers reported, though a small number of patients stopped treatment because of them.',
    'Screening guidelines recommend that most adults begin regular testing for some cancers in their 40s. People with a family history may need to start earlier.',
    'Cancer death rates in the United States have declined for decades, thanks to less smoking, earlier detection and better treatment. But progress has been uneven across cancer types and communities.',
    'Patients interested in clinical trials can ask their oncologists about options or search public registries. Participation is voluntary, and patients can withdraw at any time.',
    '@trialstart {role} {name}, {roleDesc}, who will lead the study, said the team hoped to make treatment easier on patients without sacrificing effectiveness. Participants will be monitored closely throughout.',
  ],
  quotes: [
    '@trial|trialstart Every patient in this trial made a choice to help the next person with this diagnosis. That deserves recognition.',
    'Finding cancer early remains the single most powerful thing we can do.',
  ],
  subheads: ['How the treatment works', 'The case for screening', 'What patients should know'],
};

const infectious: Topic = {
  id: 'x-infectious',
  family: 'publichealth',
  tags: ['infectious-disease', 'vaccines', 'public-health'],
  keywords: [
    'infectious disease',
    'vaccination',
    'flu season',
    'respiratory virus',
    'outbreak',
    'immunization',
  ],
  images: ['molecule'],
  place: 'us',
  roles: [
    ['Dr.', 'the health officer for {city}'],
    ['Dr.', 'an infectious disease specialist at Carrow Medical Center'],
  ],
  slots: {
    illness: ['flu', 'RSV', 'measles', 'whooping cough', 'respiratory illness'],
  },
  stories: [
    [
      '{illness} cases climb in {state} ahead of peak season',
      "Doctors' offices report more patients with symptoms, and health officials are urging vaccination.",
      'Cases of {illness} are rising in {state} earlier than usual this season, according to state health data, with clinics in {city} reporting a steady increase in patients with symptoms.',
      ['@outbreak'],
    ],
    [
      'Updated vaccine recommended for adults over {age}, advisers say',
      'An advisory panel voted to recommend the shot for older adults and people with certain health conditions.',
      'A panel of vaccine advisers voted to recommend an updated vaccine for adults over {age} and for younger people with certain chronic conditions. The shots are expected to be available at pharmacies within weeks.',
      ['vaccines', '@vaccines'],
    ],
    [
      'Childhood vaccination rates dip in {pctInt}% of counties',
      'A new report finds declines concentrated in a minority of counties, raising the risk of outbreaks of preventable diseases.',
      'Childhood vaccination rates fell in about {pctInt} percent of counties over the past year, according to a new report, raising concerns about outbreaks of diseases that vaccines had largely controlled.',
      ['vaccines', '@vaccines'],
    ],
    [
      'Wastewater testing gives {city} early warning of {illness} wave',
      'Samples collected at treatment plants signaled rising infections about {n} days before clinics saw an increase.',
      'Testing of wastewater in {city} detected rising levels of {illness} about {n} days before local clinics saw an increase in patients, health officials said. The city plans to expand the program to more treatment plants.',
      ['@outbreak'],
    ],
    [
      'Is it a cold, the flu or something else? How to tell',
      'Symptoms overlap, but a few clues can help. Doctors explain when a test is worthwhile and when to seek care.',
      'Respiratory viruses share many symptoms, and it can be hard to know what you have. Doctors say a few clues, including how quickly symptoms appear and whether a fever develops, can help.',
      ['@advice'],
    ],
  ],
  paragraphs: [
    '@outbreak {role} {name}, {roleDesc}, said the increase was expected at this time of year. "We are not alarmed, but we want people to take sensible precautions now," {last} said.',
    'Vaccines remain the best protection against severe illness, doctors say. They are especially important for older adults, young children, pregnant people and those with chronic conditions.',
    '@outbreak|advice Antiviral medications can shorten illness if taken early, usually within two days of symptoms starting. People at higher risk should contact a doctor promptly.',
    '@outbreak Hospitals are preparing for a busy season by adding staff and postponing some elective procedures if needed. Emergency departments in {city} have set up separate waiting areas for patients with respiratory symptoms.',
    'Simple steps still work: washing hands, staying home when sick and covering coughs. Improving ventilation indoors can also reduce the spread of respiratory viruses.',
  ],
  quotes: [
    'The best time to get vaccinated is before the virus is circulating widely in your community.',
    'Most people will recover at home. Our job is to protect the people who will not.',
  ],
  subheads: ['Protecting yourself', 'Who is most at risk', 'Tracking the virus'],
};

const mental: Topic = {
  id: 'x-mental',
  family: 'research',
  tags: ['mental-health', 'anxiety', 'depression'],
  keywords: ['mental health', 'anxiety', 'depression', 'therapy', 'stress', 'wellbeing'],
  images: ['heartbeat', 'leaf'],
  place: 'us',
  roles: [researcher('a psychologist at Halden University'), ['Dr.', 'a psychiatrist in {city}']],
  slots: {
    activity: [
      'time outdoors',
      'volunteering',
      'regular exercise',
      'limiting social media',
      'group music lessons',
      'journaling',
    ],
  },
  stories: [
    [
      '{activity} linked to fewer symptoms of depression, study finds',
      'Adults who made the change reported better mood after eight weeks, researchers say, though the effect was modest.',
      'Adults who committed to {activity} for eight weeks reported fewer symptoms of depression than a comparison group, according to a new study of {count} participants. The effect was modest but consistent.',
      ['depression', '@study'],
    ],
    [
      'Teen anxiety rates remain high, survey shows, as schools add counselors',
      'About {pctInt}% of high school students reported persistent anxiety, and many districts are expanding mental health services.',
      'About {pctInt} percent of high school students reported persistent feelings of anxiety in a large national survey, a figure that has changed little in recent years. Many school districts, including in {city}, are hiring more counselors.',
      ['anxiety', '@study'],
    ],
    [
      '{state} crisis line answered {count} calls in its first year',
      'Officials say the three-digit number has connected callers with trained counselors faster, though staffing remains a challenge.',
      'A statewide mental health crisis line in {state} answered about {count} calls in its first year, officials said, with most callers connected to a counselor in under a minute. Officials said recruiting enough staff remained difficult.',
    ],
    [
      'Therapy by video works as well as in person for anxiety, review finds',
      'An analysis of {nn} trials found similar results, a finding that could help people in areas with few therapists.',
      'Therapy delivered by video was about as effective as in-person sessions for treating anxiety disorders, according to a review of {nn} clinical trials. The findings could help people in areas with few mental health providers.',
      ['anxiety', '@study'],
    ],
    [
      'How to recognize burnout, and what to do about it',
      'Exhaustion, cynicism and a sense of ineffectiveness are hallmarks. Experts say small changes can help, but some situations require bigger ones.',
      'Burnout is more than ordinary tiredness. Psychologists describe it as a combination of exhaustion, growing cynicism about work and a sense that nothing you do makes a difference.',
      ['depression', 'anxiety'],
    ],
  ],
  paragraphs: [
    '{role} {name}, {roleDesc}, said people often wait too long to seek help. "You do not need to be in crisis to benefit from talking to someone," {last} said.',
    'Anxiety and depression are among the most common health conditions in the United States, affecting tens of millions of adults each year. Many never receive treatment.',
    'Cost and availability remain major barriers. In some rural counties, there is no practicing psychiatrist, and waiting lists for therapists can stretch for months.',
    'Experts recommend regular sleep, physical activity and social connection as foundations for mental health. These habits do not replace treatment but can support it.',
    'Anyone in immediate distress can call or text a crisis line, which is free, confidential and available around the clock.',
  ],
  quotes: [
    'Mental health is health. We would not ask someone to wait months for care for a broken leg.',
    'The smallest step, like telling one person how you are really doing, can be the most important one.',
  ],
  subheads: ['Signs to watch for', 'Finding care', 'Everyday habits that help'],
  list: [
    'Where to start if you are struggling:',
    [
      'Talk to a primary care doctor, who can screen for common conditions',
      'Check whether your employer offers a free assistance program',
      'Look for community clinics with sliding-scale fees',
      'Call or text a crisis line if you need help right away',
    ],
  ],
};

const sleep: Topic = {
  id: 'x-sleep',
  family: 'research',
  tags: ['sleep', 'insomnia'],
  keywords: ['sleep', 'insomnia', 'sleep quality', 'circadian rhythm', 'naps', 'bedtime routine'],
  images: ['leaf', 'heartbeat'],
  place: 'us',
  roles: [
    researcher('a sleep researcher at Westbrook Institute of Technology'),
    ['Dr.', 'who directs a sleep clinic in {city}'],
  ],
  slots: {
    factor: [
      'screen time before bed',
      'late-evening meals',
      'irregular bedtimes',
      'bedroom temperature',
      'afternoon caffeine',
    ],
  },
  stories: [
    [
      'Irregular sleep schedules linked to higher health risks, study finds',
      'People whose bedtimes varied widely had higher rates of heart and metabolic disease, even when they slept enough overall.',
      'Adults whose bedtimes varied by more than an hour from night to night had higher rates of heart and metabolic disease, according to a study that tracked the sleep of {count} people with wrist-worn devices.',
      ['studies', '@study', '@cohort'],
    ],
    [
      'How {factor} affects your sleep, according to researchers',
      'Small changes to evening habits can make it easier to fall asleep and stay asleep, sleep scientists say.',
      'Sleep scientists say {factor} can make a measurable difference in how quickly people fall asleep and how rested they feel. In a recent study, adjusting it improved sleep quality within {n} weeks.',
      ['studies', '@study'],
    ],
    [
      'Therapy beats sleeping pills for chronic insomnia over the long run',
      'A structured talk therapy produced more lasting improvements than medication, a new trial found.',
      'A structured form of talk therapy for insomnia produced more lasting improvements than sleeping pills, according to a trial that followed participants for a year. Many who received the therapy continued to sleep better long after it ended.',
      ['insomnia', 'studies', '@study', '@trial'],
    ],
    [
      'About {pctInt}% of adults in {state} report too little sleep',
      'New state health data show that short sleep is most common among shift workers and parents of young children.',
      'About {pctInt} percent of adults in {state} report regularly getting less than seven hours of sleep a night, according to new state health data. Short sleep was most common among shift workers and parents of young children.',
    ],
    [
      'Are naps good for you? It depends on how long they last',
      'Short afternoon naps may boost alertness and memory, while long ones can leave you groggy, researchers say.',
      'A short afternoon nap can improve alertness and memory, researchers say, but naps longer than about 30 minutes may leave people groggy and make it harder to sleep at night.',
      ['insomnia'],
    ],
  ],
  paragraphs: [
    '{role} {name}, {roleDesc}, said consistency matters as much as duration. "Your body likes a predictable rhythm. Going to bed and waking at the same time helps more than people expect," {last} said.',
    'Most adults need seven to nine hours of sleep a night, but surveys suggest about a third regularly get less. Chronic short sleep has been linked to heart disease, diabetes and depression.',
    "Experts recommend keeping the bedroom cool, dark and quiet, and reserving the bed for sleep. Getting daylight in the morning can help set the body's internal clock.",
    'People who snore loudly or wake up gasping should talk to a doctor about sleep apnea, a common and treatable condition that often goes undiagnosed.',
    'Sleep trackers can raise awareness, researchers say, but they are not medical devices. Some people become so focused on their scores that the worry itself disrupts their sleep.',
  ],
  quotes: [
    'Sleep is not a luxury or a sign of laziness. It is when the body and brain do essential maintenance.',
    'If you are lying awake for a long time, get up, do something calm and come back when you feel sleepy.',
  ],
  subheads: ['The science of rhythm', 'Better habits at night', 'When to see a doctor'],
  list: [
    'Habits that support better sleep:',
    [
      'Keep the same wake time every day, including weekends',
      'Get outdoor light early in the day',
      'Avoid caffeine after early afternoon',
      'Put screens away 30 minutes before bed',
    ],
  ],
};

const aging: Topic = {
  id: 'x-aging',
  family: 'research',
  tags: ['healthy-aging', 'memory'],
  keywords: ['healthy aging', 'memory', 'dementia risk', 'longevity', 'older adults', 'brain health'],
  images: ['leaf', 'track'],
  place: 'us',
  roles: [
    researcher('a geriatrician at Brightwater University Medical Center'),
    researcher('a neuroscientist at Carrow College'),
  ],
  slots: {
    habit: [
      'learning a new language',
      'regular walking',
      'hearing aid use',
      'playing a musical instrument',
      'staying socially active',
    ],
  },
  stories: [
    [
      '{habit} may help protect memory in older adults, study finds',
      'Older adults who kept up the habit showed slower memory decline over {years} years than those who did not.',
      'Older adults who reported {habit} showed slower memory decline over {years} years than those who did not, according to a study of {count} people over 65. The researchers said the findings add to evidence that the aging brain remains adaptable.',
      ['memory', 'studies', '@study', '@cohort'],
    ],
    [
      'Up to {pctInt}% of dementia cases may be delayed by addressing risk factors',
      'An expert report points to hearing loss, high blood pressure and physical inactivity as key targets.',
      'As many as {pctInt} percent of dementia cases could be prevented or delayed by addressing a set of modifiable risk factors, including hearing loss, high blood pressure and physical inactivity, according to a new expert report.',
      ['memory', 'studies', '@study'],
    ],
    [
      'Falls are a leading threat to older adults. Simple steps can reduce the risk',
      'Balance exercises, home safety changes and medication reviews can prevent many injuries, doctors say.',
      'Falls send millions of older adults to emergency rooms every year, and many lead to lasting injury. Doctors say balance exercises, a few changes around the home and a review of medications can prevent many of them.',
    ],
    [
      'People in {city} are living longer. A new study asks why.',
      'Researchers are following {count} older residents to understand which habits and community factors support healthy aging.',
      'Life expectancy in {city} has risen faster than the national average over the past decade, and researchers are following {count} older residents to find out why. The study will track diet, activity, social ties and access to care.',
    ],
  ],
  paragraphs: [
    '@study {role} {name}, {roleDesc}, who led the research, said the findings were a reminder that it is never too late. "The brain and body respond to what we ask of them, at any age," {last} said.',
    'The number of Americans over 65 is growing rapidly, and health systems are preparing for a sharp rise in age-related conditions. Prevention has become a priority for researchers and policymakers.',
    'Hearing loss is one of the most common and most treatable risk factors for cognitive decline. Yet many people who could benefit from hearing aids do not use them.',
    'Social connection appears to matter as much as physical health. Loneliness has been linked to higher risks of heart disease, dementia and early death.',
    'Experts recommend a combination of physical activity, mental challenges and social engagement. Activities that combine all three, such as group dance classes, may be especially beneficial.',
  ],
  quotes: [
    'Aging is not a disease, and many of the changes we associate with it are not inevitable.',
    'The best prescription I can write for many of my patients is a reason to get out of the house every day.',
  ],
  subheads: ['Protecting the aging brain', 'Staying connected', 'What you can do now'],
};

export const healthTopics: readonly Topic[] = [
  diets,
  foodSafety,
  running,
  strength,
  heart,
  cancer,
  infectious,
  mental,
  sleep,
  aging,
];
