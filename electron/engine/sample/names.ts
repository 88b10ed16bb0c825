/**
 * Name and job vocabularies for the fictional workforce. Deliberately mixed (the offices are in the
 * US, UK and Germany) and free of "svc"/"sa"/"admin"-like fragments, so that only the accounts meant
 * to look automated look automated.
 */

export const GIVEN_NAMES: readonly string[] = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Isabella', 'Lucas',
  'Mia', 'Logan', 'Amelia', 'James', 'Harper', 'Benjamin', 'Evelyn', 'Elijah', 'Abigail', 'Oliver',
  'Emily', 'Jacob', 'Ella', 'Michael', 'Grace', 'Daniel', 'Chloe', 'Henry', 'Zoe', 'Jackson',
  'Hannah', 'Samuel', 'Lily', 'Sebastian', 'Nora', 'David', 'Riley', 'Carter', 'Aria', 'Wyatt',
  'Priya', 'Arjun', 'Mei', 'Wei', 'Yuki', 'Hiroshi', 'Fatima', 'Omar', 'Aisha', 'Kwame',
  'Amara', 'Chidi', 'Sofia', 'Mateo', 'Camila', 'Diego', 'Lucia', 'Javier', 'Ingrid', 'Lars',
  'Freya', 'Sven', 'Katharina', 'Jonas', 'Leonie', 'Felix', 'Hannelore', 'Matthias', 'Annika', 'Tobias',
  'Siobhan', 'Declan', 'Niamh', 'Callum', 'Eilidh', 'Rhys', 'Gwen', 'Imogen', 'Alistair', 'Beatrice',
  'Rachel', 'Marcus', 'Tanya', 'Gregory', 'Monique', 'Andre', 'Keisha', 'Darnell', 'Elena', 'Nikolai',
];

export const SURNAMES: readonly string[] = [
  'Anderson', 'Bennett', 'Brooks', 'Campbell', 'Carter', 'Collins', 'Cooper', 'Davies', 'Edwards', 'Evans',
  'Fisher', 'Foster', 'Gardner', 'Gibson', 'Graham', 'Griffin', 'Hayes', 'Henderson', 'Howard', 'Hughes',
  'Jenkins', 'Kelly', 'Lawson', 'Marshall', 'Mitchell', 'Morgan', 'Murphy', 'Nelson', 'Parker', 'Perry',
  'Powell', 'Reed', 'Richardson', 'Rogers', 'Russell', 'Sanders', 'Stewart', 'Sullivan', 'Turner', 'Walsh',
  'Patel', 'Sharma', 'Iyer', 'Nguyen', 'Tanaka', 'Sato', 'Kim', 'Park', 'Chen', 'Wong',
  'Haddad', 'Rahman', 'Mensah', 'Okonkwo', 'Adeyemi', 'Garcia', 'Martinez', 'Rodriguez', 'Lopez', 'Alvarez',
  'Schneider', 'Fischer', 'Weber', 'Wagner', 'Hoffmann', 'Schulz', 'Zimmermann', 'Krause', 'Vogel', 'Lehmann',
  'Larsen', 'Nilsson', 'Johansson', 'Virtanen', 'Kowalski', 'Novotny', 'Horvat', 'Petrov', 'Ivanova', 'Rossi',
  "O'Brien", 'McAllister', 'Fitzgerald', 'Thornton', 'Whitfield', 'Ashworth', 'Pemberton', 'Blackwood', 'Hartley', 'Kingsley',
];

export interface Department {
  readonly name: string;
  readonly titles: readonly string[];
  readonly weight: number;
}

export const DEPARTMENTS: readonly Department[] = [
  { name: 'Sales', titles: ['Account Executive', 'Sales Manager', 'Sales Development Representative', 'Regional Sales Director'], weight: 22 },
  { name: 'Marketing', titles: ['Marketing Manager', 'Content Strategist', 'Product Marketing Manager', 'Brand Designer'], weight: 10 },
  { name: 'Finance', titles: ['Financial Analyst', 'Accountant', 'Controller', 'Payroll Specialist'], weight: 10 },
  { name: 'Human Resources', titles: ['HR Business Partner', 'Recruiter', 'HR Generalist'], weight: 6 },
  { name: 'Operations', titles: ['Operations Manager', 'Logistics Coordinator', 'Procurement Specialist'], weight: 12 },
  { name: 'Engineering', titles: ['Software Engineer', 'Senior Software Engineer', 'QA Engineer', 'Engineering Manager'], weight: 18 },
  { name: 'Customer Success', titles: ['Customer Success Manager', 'Support Engineer', 'Implementation Consultant'], weight: 10 },
  { name: 'Legal', titles: ['Legal Counsel', 'Paralegal', 'Compliance Officer'], weight: 4 },
  { name: 'Executive', titles: ['Chief Financial Officer', 'VP Operations', 'Executive Assistant'], weight: 3 },
];

/** Where Contoso's administrators sit; their titles explain why they use the Azure portal. */
export const IT_TITLES: readonly string[] = [
  'Cloud Engineer', 'Senior Cloud Engineer', 'Platform Engineer', 'Systems Administrator', 'Identity Engineer',
  'Security Engineer', 'Network Engineer', 'DevOps Engineer', 'IT Manager', 'Database Administrator',
];
