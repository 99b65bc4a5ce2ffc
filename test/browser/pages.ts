// The pages every browser check visits: one of each kind, with the demo data's keys.
export interface PageCase {
  name: string;
  url: string;
  /** The HTTP statuses the page may answer with. */
  status: readonly number[];
  /** Pages that exist only once another helper's route is registered. */
  route?: string;
}

const q = encodeURIComponent;

export const PAGES: readonly PageCase[] = [
  { name: 'dashboard', url: '/', status: [200] },
  { name: 'policies', url: '/policies', status: [200] },
  { name: 'policy', url: `/policies/${q('II-3-(3)-①')}`, status: [200] },
  { name: 'project', url: '/projects/tabunka', status: [200] },
  { name: 'sheet', url: '/sheet', status: [200] },
  { name: 'sheet-filtered', url: `/sheet?bureau=${q('企画調整局')}&grade=${q('順調')}`, status: [200] },
  // A field error shown at its field (the form-error test checks the sheet's own).
  { name: 'policy-invalid', url: `/policies/${q('II-3-(3)-①')}?fiscalYear=abc`, status: [400] },
  { name: 'sdgs', url: '/sdgs', status: [200] },
  { name: 'changes', url: '/changes', status: [200] },
  { name: 'search', url: `/search?q=${q('事業')}`, status: [200], route: '/search' },
  { name: 'search-empty', url: '/search', status: [200], route: '/search' },
  { name: 'downloads', url: '/downloads', status: [200] },
  { name: 'versions', url: '/versions/2021', status: [200] },
  { name: 'error', url: '/projects/no-such-project', status: [404] },
  { name: 'not-found', url: '/no-such-page', status: [404] },
];
