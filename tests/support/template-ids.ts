/**
 * Real-looking subscribe-template ids for the tests that replace config/subscribe-templates.json (an
 * empty id would make "the same id on both sides" trivially true). In a test file:
 *   jest.mock('<…>/config/subscribe-templates.json', () => jest.requireActual('<…>/tests/support/template-ids').declaredWithIds());
 */
export const IDS = { statusChanged: 'mock-status-7bQ2yXc_aH1kLm9', newAssignment: 'mock-assign-Pz3K_0dRv8sTq2W' };

/** the shipped declaration with IDS filled in */
export function declaredWithIds() {
  const shipped = jest.requireActual('../../config/subscribe-templates.json');
  return {
    ...shipped,
    statusChanged: { ...shipped.statusChanged, templateId: IDS.statusChanged },
    newAssignment: { ...shipped.newAssignment, templateId: IDS.newAssignment },
  };
}
