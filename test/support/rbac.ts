/** The (apiGroup, resource, verb) triples a list of RBAC rules grants, sorted, as `group|resource|verb`. */
export function grants(rules: any[]): string[] {
  const result = new Set<string>();
  for (const rule of rules) {
    for (const group of rule.apiGroups) {
      for (const resource of rule.resources) {
        for (const verb of rule.verbs) {
          result.add(`${group}|${resource}|${verb}`);
        }
      }
    }
  }
  return [...result].sort();
}
