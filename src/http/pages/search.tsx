// /search?q=: full-text search over names, summaries, indicator names and improvement texts,
// with the sheet's filters, a page of hits at a time with their total; the matches are marked
// in each snippet. Snippets are text parts rendered by React (escaped), never HTML strings.
import type { FastifyInstance } from 'fastify';
import { formatFiscalYear } from '../../services/pages.js';
import { contextOf } from '../context.js';
import { ServiceError } from '../../services/errors.js';
import { DEFAULT_SEARCH_LIMIT, searchProjects, type FieldMatch, type SearchHit, type SearchResult, type Snippet } from '../../services/search.js';
import { pageFormat, sendData, type CsvTable } from './data.js';
import { Filters, readFilters, type FilterChoices, type FilterReading } from './filters.js';
import { dataLinksFor, Layout } from './layout.js';
import { orgOf, policyHref, projectHref, queryHref, readerChoices } from './page-query.js';
import { askedEdition, readerOf } from './edition.js';
import { Pager, paging, rangeText, readPage, sendPageProblem, type Paging } from './pager.js';
import { sendPage } from './render.js';

const FIELDS = ['fiscalYear', 'bureau', 'division', 'policy', 'grade', 'sdg'] as const;

export function registerSearch(app: FastifyInstance): void {
  app.get('/search', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q : '';
    const org = orgOf(query);
    const reading = readFilters(query);
    const format = pageFormat(query);
    const asked = readPage(query);
    if (format !== 'html') {
      const refused = sendPageProblem(reply, asked);
      if (refused) return refused;
    }
    const reader = await readerOf(request, reading.values.fiscalYear);
    const edition = askedEdition(request);
    let result: SearchResult | undefined;
    let queryError: string | undefined;
    try {
      result = await searchProjects(contextOf(request), q, reading.values, { offset: (asked.page - 1) * DEFAULT_SEARCH_LIMIT, edition });
    } catch (error) {
      if (!(error instanceof ServiceError) || error.kind !== 'invalid' || format !== 'html') throw error;
      queryError = error.message;
    }
    // A page past the last shows the last.
    if (result && result.hits.length === 0 && result.total > 0) {
      result = await searchProjects(contextOf(request), q, reading.values, { offset: (paging(result.total, DEFAULT_SEARCH_LIMIT, asked.page).number - 1) * DEFAULT_SEARCH_LIMIT, edition });
    }
    const pages = paging(result?.total ?? 0, DEFAULT_SEARCH_LIMIT, asked.page);
    if (format !== 'html' && result) {
      const found = result;
      return sendData(reply, format, 'search', { ...presented(found), page: pages }, () => csvOf(found));
    }
    const page = (
      <Layout title="検索" titleEn="Search" organization={reader.organization.name} org={org} path="/search" {...(result && result.terms.length > 0 && { data: dataLinksFor(request.url) })}>
        <SearchForm q={q} choices={readerChoices(reader)} reading={reading} error={queryError} />
        {asked.error !== undefined && <p className="field-error">{asked.error}</p>}
        {result && <Results result={result} org={org} pages={pages} url={request.url} />}
      </Layout>
    );
    return sendPage(reply, page, queryError || asked.error ? 400 : 200);
  });
}

function SearchForm({ q, choices, reading, error }: { q: string; choices: FilterChoices; reading: FilterReading; error: string | undefined }) {
  return (
    <Filters action="/search" choices={choices} reading={reading} fields={FIELDS}>
      <label htmlFor="search-q">
        <span>
          検索語 <span lang="en" className="en">Search words</span>
        </span>
        <input id="search-q" type="search" name="q" defaultValue={q} aria-invalid={error ? true : undefined} aria-describedby={error ? 'search-q-error' : 'search-q-hint'} />
        {error ? (
          <span id="search-q-error" className="field-error">
            {error}
          </span>
        ) : (
          <span id="search-q-hint" className="hint">
            空白で区切った語をすべて含む項目を探します / Finds texts containing every word
          </span>
        )}
      </label>
    </Filters>
  );
}

function Results({ result, org, pages, url }: { result: SearchResult; org: string | undefined; pages: Paging; url: string }) {
  if (result.terms.length === 0) {
    return (
      <p role="status">
        検索語を入力してください。事業名、事業概要、指標名、強化・見直した内容、施策名から探します。{' '}
        <span lang="en">Enter search words: project names, summaries, indicators, improvements and policies are searched.</span>
      </p>
    );
  }
  if (result.total === 0) {
    return (
      <>
        <p role="status">
          「{result.query}」に一致する項目はありません <span lang="en">No results for “{result.query}”</span>
        </p>
        <ul className="advice">
          <li>
            別の言葉や、より短い言葉（「多文化共生の推進」なら「多文化」）で試してください <span lang="en">Try other or shorter words</span>
          </li>
          <li>
            絞り込みを外してください <span lang="en">Clear the filters</span>:{' '}
            <a href={queryHref('/search', { q: result.query, org })}>すべてを検索 / Search everything</a>
          </li>
          <li>
            英数字の語は語の先頭から一致します（「KitaQ」は「kita」で見つかります） <span lang="en">Latin words match from their start</span>
          </li>
        </ul>
      </>
    );
  }
  const range = rangeText(pages, { ja: '件', en: 'results' });
  return (
    <>
      <p role="status">
        {range.ja} <span lang="en">{range.en}</span>
      </p>
      <ol className="search-results" start={pages.offset + 1}>
        {result.hits.map((hit) => (
          <Hit key={hitKey(hit)} hit={hit} org={org} />
        ))}
      </ol>
      <Pager paging={pages} url={url} label="検索結果" />
    </>
  );
}

const hitKey = (hit: SearchHit) => `${hit.policy.code}\u0000${hit.project?.key ?? ''}\u0000${hit.no ?? ''}`;

function Hit({ hit, org }: { hit: SearchHit; org: string | undefined }) {
  return (
    <li>
      <h2>
        {hit.project ? (
          <a href={projectHref(hit.project.key, { org })}>{hit.project.name}</a>
        ) : (
          <a href={policyHref(hit.policy.code, { org })}>{`${hit.policy.code} ${hit.policy.title}`}</a>
        )}
      </h2>
      <p className="hit-place">
        {hit.bureau !== undefined && <>{hit.bureau} </>}
        {hit.no !== undefined && <>No. {hit.no} ／ </>}施策 <span lang="en" className="en">Policy</span> {hit.policy.code} {hit.policy.title}
      </p>
      <dl className="hit-matches">
        {hit.matches.map((match, index) => (
          <div key={index}>
            <dt>{fieldLabel(match)}</dt>
            <dd>
              <SnippetText snippet={match.snippet} />
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function fieldLabel(match: FieldMatch): string {
  const year = match.fiscalYear !== undefined ? ` (${formatFiscalYear(match.fiscalYear, { letter: true })})` : '';
  return `${match.label}${year} / ${match.labelEn}`;
}

function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.cutBefore && '…'}
      {snippet.parts.map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
      {snippet.cutAfter && '…'}
    </>
  );
}

function plainSnippet(snippet: Snippet): string {
  return `${snippet.cutBefore ? '…' : ''}${snippet.parts.map((part) => part.text).join('')}${snippet.cutAfter ? '…' : ''}`;
}

/** What the JSON download holds: the page's results, each match with its text and ranges. */
function presented(result: SearchResult) {
  const { organization, query, terms, fiscalYear, total, hits } = result;
  return {
    organization: { name: organization.name, ...(organization.code !== undefined && { code: organization.code }) },
    query,
    terms,
    fiscalYear,
    total,
    hits: hits.map((hit) => ({
      ...hit,
      matches: hit.matches.map(({ snippet, ...match }) => ({ ...match, snippet: plainSnippet(snippet) })),
    })),
  };
}

function csvOf(result: SearchResult): CsvTable {
  return {
    header: ['No.', '施策コード', '施策名', '事業キー', '事業名', '項目', '年度', '抜粋', '局'],
    rows: result.hits.flatMap((hit) =>
      hit.matches.map((match) => [
        hit.no,
        hit.policy.code,
        hit.policy.title,
        hit.project?.key,
        hit.project?.name,
        match.label,
        match.fiscalYear,
        plainSnippet(match.snippet),
        hit.bureau,
      ]),
    ),
  };
}
