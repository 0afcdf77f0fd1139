/**
 * Where people in the simulated tenant come from: names, the usageLocation Entra ID stores and the
 * preferredLanguage their reminders should be written in. Weights are relative.
 */
export interface NameLocale {
  usageLocation: "GB" | "US" | "DE" | "FR" | "ES" | "NL";
  preferredLanguage: string;
  weight: number;
  givenNames: readonly string[];
  surnames: readonly string[];
  /** The country calling code, for directory phone numbers. */
  callingCode: string;
}

export const NAME_LOCALES: readonly NameLocale[] = [
  {
    usageLocation: "GB", preferredLanguage: "en-GB", weight: 30, callingCode: "+44",
    givenNames: ["Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Emily", "Charlie", "Sophie",
      "Thomas", "Grace", "James", "Poppy", "William", "Freya", "Alfie", "Imogen", "Rhys", "Siobhan"],
    surnames: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans", "Thomas", "Roberts",
      "Walker", "Wright", "Hughes", "Green", "Hall", "Clarke", "O'Brien", "Patel", "Khan", "MacLeod"],
  },
  {
    usageLocation: "US", preferredLanguage: "en-US", weight: 30, callingCode: "+1",
    givenNames: ["Liam", "Olivia", "Noah", "Emma", "Ethan", "Mia", "Mason", "Harper", "Logan", "Abigail",
      "Lucas", "Madison", "Jayden", "Chloe", "Aiden", "Zoe", "Carlos", "Maria", "Dwayne", "Keisha"],
    surnames: ["Johnson", "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Jackson", "White",
      "Harris", "Thompson", "Moore", "Lee", "Nguyen", "Kim", "Robinson", "Lewis", "Young", "Allen", "King"],
  },
  {
    usageLocation: "DE", preferredLanguage: "de-DE", weight: 12, callingCode: "+49",
    givenNames: ["Lukas", "Hannah", "Jonas", "Lea", "Felix", "Lena", "Maximilian", "Anna", "Paul", "Marie",
      "Jürgen", "Jörg", "Sören", "Katharina", "Matthias", "Ursula", "Tobias", "Sabine", "Florian", "Birgit"],
    surnames: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
      "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Krüger"],
  },
  {
    usageLocation: "FR", preferredLanguage: "fr-FR", weight: 10, callingCode: "+33",
    givenNames: ["Gabriel", "Louise", "Raphaël", "Jade", "Léo", "Chloé", "Hugo", "Inès", "Arthur", "Léa",
      "Théo", "Manon", "Jules", "Camille", "Émile", "Zoé", "François", "Hélène", "Benoît", "Mathilde"],
    surnames: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
      "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garnier", "Faure", "Rousseau", "Blanc", "Girard", "Lemaître"],
  },
  {
    usageLocation: "ES", preferredLanguage: "es-ES", weight: 8, callingCode: "+34",
    givenNames: ["Hugo", "Lucía", "Martín", "Sofía", "Pablo", "Martina", "Alejandro", "María", "Álvaro", "Paula",
      "Javier", "Carmen", "Sergio", "Elena", "Iñaki", "Nuria", "Andrés", "Raquel", "Jesús", "Ainhoa"],
    surnames: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
      "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Navarro", "Ortega"],
  },
  {
    usageLocation: "NL", preferredLanguage: "nl-NL", weight: 10, callingCode: "+31",
    givenNames: ["Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Finn", "Tess", "Levi", "Sophie",
      "Bram", "Fenna", "Thijs", "Sanne", "Ruben", "Anouk", "Joost", "Marloes", "Pieter", "Femke"],
    surnames: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
      "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
      "Dekker", "Brouwer"],
  },
];

/** Microsoft's fictitious partner companies, for guests' home domains. */
export const GUEST_HOME_DOMAINS: readonly string[] = [
  "fabrikam.com", "northwindtraders.com", "adatum.com", "tailspintoys.com", "wingtiptoys.com",
  "litwareinc.com", "woodgrovebank.com", "proseware.com", "alpineskihouse.com", "fourthcoffee.com",
  "gmail.com", "outlook.com",
];

/** Workloads that typically run under a service account. */
export const SERVICE_ACCOUNT_NAMES: readonly string[] = [
  "backup", "scanner", "sharepoint-sync", "crm-integration", "hr-import", "monitoring", "payroll-export",
  "build-agent", "print", "sql-reporting", "mailroom", "edi-gateway", "erp-connector", "teams-rooms",
];
