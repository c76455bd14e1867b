/**
 * What one GraphQL request may cost (issue 16, finding 3): a single request of 240 aliases of
 * `Documents(limit: 200)` once held the web process for 53 s, /healthz included. Before anything is resolved a
 * query is refused when its cost (every alias counted, every list multiplied by the page it asks for), its depth
 * or its number of aliases is too high, or when its fragments spread each other in a cycle; while it is resolved,
 * a time budget stops it. Every refusal is a Vietnamese GraphQL error.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { buildSchema, GraphQLError, NoFragmentCyclesRule, parse, validate, type ExecutionArgs, type ValidationContext, type ValidationRule } from 'graphql'
import { createComplexityRule, fieldExtensionsEstimator, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity'
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { APIError } from 'payload'
import { MAX_LIST_PAGE } from '../../collections/hooks/capListSize'
import { env } from './config'

/** Cost of one query: a field costs 1 (a relationship 10, as Payload declares it), a list its rows times its fields. */
export const MAX_COST = 5000
export const MAX_DEPTH = 10
export const MAX_ALIASES = 100
/** The page Payload returns when a list field is asked for without `limit`. */
const DEFAULT_PAGE = 10

/** Milliseconds one GraphQL request may spend resolving (GRAPHQL_TIME_BUDGET_MS, 5 s by default). */
export const graphQLTimeBudgetMs = (): number => env('GRAPHQL_TIME_BUDGET_MS')

const refusal = (message: string) => new GraphQLError(message, { extensions: { statusCode: 400 } })

/**
 * Lists (`Documents`, `allMedia`, join fields…) are the fields that take a `limit`: they cost their selection
 * once per row of the page they can return — capped as the server caps it (collections/hooks/capListSize).
 */
const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'limit')) return undefined
  const limit = Number(args.limit)
  const rows = args.pagination === false || limit === 0 ? MAX_LIST_PAGE : Number.isFinite(limit) && limit > 0 ? Math.min(limit, MAX_LIST_PAGE) : DEFAULT_PAGE
  return 1 + childComplexity * rows
}

const reportInstead = (message: string) => [(context: ValidationContext | null) => context?.reportError(refusal(message))]

/** The rules Payload adds to GraphQL's own for every request (payload.config.ts graphQL.validationRules). */
export const graphQLValidationRules = (args: ExecutionArgs): ValidationRule[] => [
  createComplexityRule({
    maximumComplexity: MAX_COST,
    variables: (args.variableValues ?? undefined) as Record<string, unknown> | undefined,
    operationName: args.operationName ?? undefined,
    estimators: [pageSizeEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    createError: (max, actual) =>
      refusal(
        `Truy vấn GraphQL quá nặng (chi phí ${actual}, tối đa ${max}): mỗi bí danh được tính riêng và mỗi danh sách được tính theo số dòng (limit) nhân với số trường. Hãy giảm limit hoặc chia thành nhiều truy vấn nhỏ hơn.`,
      ),
  }),
  maxAliasesRule({
    n: MAX_ALIASES,
    allowList: [],
    propagateOnRejection: false,
    onReject: reportInstead(`Truy vấn GraphQL có quá nhiều bí danh (alias), tối đa ${MAX_ALIASES}. Hãy chia thành nhiều truy vấn.`),
  }),
  maxDepthRule({
    n: MAX_DEPTH,
    propagateOnRejection: false,
    onReject: reportInstead(`Truy vấn GraphQL lồng quá sâu, tối đa ${MAX_DEPTH} cấp.`),
  }),
]

/** Fragment cycles only need the document; GraphQL's rule wants a schema, any valid one does. */
const anySchema = buildSchema('type Query { _: Int }')

/**
 * A query whose fragments spread each other in a cycle, or null. Checked before Payload sees the request:
 * Payload's own complexity count follows such fragments forever (stack overflow, HTTP 500).
 */
export function fragmentCycleError(body: unknown): GraphQLError | null {
  const query = (body as { query?: unknown } | null)?.query
  if (typeof query !== 'string') return null
  let document
  try {
    document = parse(query)
  } catch {
    return null // graphql-http answers syntax errors itself
  }
  return validate(anySchema, document, [NoFragmentCyclesRule]).length
    ? refusal('Truy vấn GraphQL có fragment tham chiếu vòng (fragment gọi lại chính nó), không thể thực hiện.')
    : null
}

/** The time budget of the GraphQL request being resolved, if any; `spent` once something was stopped by it. */
const budgets = new AsyncLocalStorage<{ deadline: number; spent: boolean }>()

export const timeBudgetMessage = () =>
  `Truy vấn GraphQL đã vượt quá thời gian xử lý cho phép (${graphQLTimeBudgetMs() / 1000} giây) nên đã bị dừng. Hãy giảm limit hoặc chia thành nhiều truy vấn nhỏ hơn.`

/**
 * Runs `resolve` under a time budget; null instead of its answer when the budget was spent — by the clock while
 * the request waits (on the database), or by stopPastTimeBudget when resolving kept the process busy past it.
 */
export function withTimeBudget<T>(resolve: () => Promise<T>): Promise<T | null> {
  const budget = { deadline: Date.now() + graphQLTimeBudgetMs(), spent: false }
  return new Promise<T | null>((done, fail) => {
    const timer = setTimeout(() => {
      budget.spent = true
      done(null)
    }, graphQLTimeBudgetMs())
    budgets.run(budget, resolve).then(
      (result) => {
        clearTimeout(timer)
        done(budget.spent ? null : result)
      },
      (err) => {
        clearTimeout(timer)
        fail(err)
      },
    )
  })
}

/**
 * For every collection's beforeOperation and afterRead hooks: throws once the GraphQL request being resolved is
 * past its deadline, so that what remains of it (other aliases, further rows) stops instead of running on.
 */
export const stopPastTimeBudget = (): void => {
  const budget = budgets.getStore()
  if (!budget || (!budget.spent && Date.now() <= budget.deadline)) return
  budget.spent = true
  throw new APIError(timeBudgetMessage(), 503, null, true)
}
