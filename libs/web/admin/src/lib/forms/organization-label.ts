/** "Société Al Omrane Casablanca-Settat (SAO Casablanca-Settat)": the name, and its acronym when it has one. */
export function organizationLabel(organization: { name: string; acronym: string | null }): string {
  return organization.acronym ? `${organization.name} (${organization.acronym})` : organization.name;
}
