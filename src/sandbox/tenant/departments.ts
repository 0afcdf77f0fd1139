/**
 * The simulated company's departments, their relative headcount and the job titles used in them.
 * Managers' titles are derived from the department name.
 */
export interface Department {
  name: string;
  weight: number;
  headTitle: string;
  managerTitle: string;
  titles: readonly string[];
}

export const DEPARTMENTS: readonly Department[] = [
  {
    name: "Engineering",
    weight: 22,
    headTitle: "VP Engineering",
    managerTitle: "Engineering Manager",
    titles: [
      "Software Engineer",
      "Senior Software Engineer",
      "Principal Engineer",
      "QA Engineer",
      "DevOps Engineer",
      "Software Engineer II",
    ],
  },
  {
    name: "Sales",
    weight: 14,
    headTitle: "VP Sales",
    managerTitle: "Sales Manager",
    titles: ["Account Executive", "Sales Development Representative", "Account Manager", "Sales Engineer"],
  },
  {
    name: "Customer Support",
    weight: 12,
    headTitle: "Head of Customer Support",
    managerTitle: "Support Team Lead",
    titles: ["Support Specialist", "Senior Support Specialist", "Customer Success Manager"],
  },
  {
    name: "Operations",
    weight: 9,
    headTitle: "Chief Operating Officer",
    managerTitle: "Operations Manager",
    titles: ["Operations Analyst", "Logistics Coordinator", "Operations Specialist"],
  },
  {
    name: "Marketing",
    weight: 7,
    headTitle: "Chief Marketing Officer",
    managerTitle: "Marketing Manager",
    titles: ["Marketing Specialist", "Content Writer", "Product Marketing Manager", "Designer"],
  },
  {
    name: "IT",
    weight: 7,
    headTitle: "Chief Information Officer",
    managerTitle: "IT Manager",
    titles: ["Systems Administrator", "Service Desk Analyst", "Network Engineer", "Security Analyst", "Identity Engineer"],
  },
  {
    name: "Research",
    weight: 6,
    headTitle: "Head of Research",
    managerTitle: "Research Lead",
    titles: ["Research Scientist", "Data Scientist", "Research Assistant"],
  },
  {
    name: "Finance",
    weight: 6,
    headTitle: "Chief Financial Officer",
    managerTitle: "Finance Manager",
    titles: ["Accountant", "Financial Analyst", "Payroll Specialist", "Accounts Payable Clerk"],
  },
  {
    name: "Human Resources",
    weight: 4,
    headTitle: "Chief People Officer",
    managerTitle: "HR Manager",
    titles: ["HR Business Partner", "Recruiter", "HR Coordinator"],
  },
  {
    name: "Procurement",
    weight: 3,
    headTitle: "Head of Procurement",
    managerTitle: "Procurement Manager",
    titles: ["Buyer", "Procurement Analyst"],
  },
  {
    name: "Legal",
    weight: 3,
    headTitle: "General Counsel",
    managerTitle: "Legal Manager",
    titles: ["Corporate Counsel", "Paralegal", "Compliance Officer"],
  },
  {
    name: "Facilities",
    weight: 3,
    headTitle: "Head of Facilities",
    managerTitle: "Facilities Manager",
    titles: ["Facilities Coordinator", "Receptionist", "Maintenance Technician"],
  },
];
