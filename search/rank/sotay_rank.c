/*
** sotay_bm25: FTS5's own bm25 ranking, given how many rows hold each phrase.
**
** FTS5's bm25() computes the IDF of every phrase of the query by walking the phrase's whole posting list
** (xQueryPhrase), once per statement. For the common syllables of Vietnamese ("về" folds to "ve", in
** nearly every row) that walk is most of a search's cost, and it is repeated by every search although the
** counts only change when the index does. The search engine (search/embedded.ts) keeps those counts per
** index version and passes them here:
**
**   sotay_bm25(fts, 'n0 n1 n2 ...', w0, w1, ...)
**
** n_i: rows holding phrase i (phrases numbered in the order they appear in the MATCH expression), or -1
** to count it here as bm25() does (prefix phrases). w_c: weight of column c (default 1). Everything else
** (k1 = 1.2, b = 0.75, document length over all columns, IDF floor 1e-6, the sign) is bm25()'s, so both
** rank identically; tests/unit/search/rank.test.ts compares them.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct RankData RankData;
struct RankData {
  int nPhrase;
  double avgdl;
  double *aIDF;
  double *aFreq;
};

static int countCb(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUserData) {
  (void)pApi;
  (void)pFts;
  (*(sqlite3_int64 *)pUserData)++;
  return SQLITE_OK;
}

static int rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, const char *zHits, RankData **ppData) {
  RankData *p = (RankData *)pApi->xGetAuxdata(pFts, 0);
  if (p) {
    *ppData = p;
    return SQLITE_OK;
  }
  int nPhrase = pApi->xPhraseCount(pFts);
  sqlite3_int64 nRow = 0, nToken = 0;
  int rc = pApi->xRowCount(pFts, &nRow);
  if (rc == SQLITE_OK) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
  if (rc != SQLITE_OK) return rc;
  p = (RankData *)sqlite3_malloc64(sizeof(RankData) + sizeof(double) * 2 * (nPhrase > 0 ? nPhrase : 1));
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, sizeof(RankData));
  p->nPhrase = nPhrase;
  p->aIDF = (double *)&p[1];
  p->aFreq = &p->aIDF[nPhrase];
  if (nRow == 0) nRow = 1;
  p->avgdl = (double)nToken / (double)nRow;
  const char *z = zHits ? zHits : "";
  for (int i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
    char *zEnd = 0;
    long long nGiven = strtoll(z, &zEnd, 10);
    sqlite3_int64 nHit = 0;
    if (zEnd == z || nGiven < 0) {
      rc = pApi->xQueryPhrase(pFts, i, (void *)&nHit, countCb);
    } else {
      nHit = (sqlite3_int64)nGiven;
    }
    if (zEnd != z) z = zEnd;
    double idf = log((nRow - nHit + 0.5) / (nHit + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    p->aIDF[i] = idf;
  }
  if (rc == SQLITE_OK) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
  if (rc != SQLITE_OK) {
    sqlite3_free(p);
    return rc;
  }
  *ppData = p;
  return SQLITE_OK;
}

static void sotayBm25(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2;
  const double b = 0.75;
  const char *zHits = nVal > 0 ? (const char *)sqlite3_value_text(apVal[0]) : 0;
  RankData *p = 0;
  int rc = rankData(pApi, pFts, zHits, &p);
  int nInst = 0;
  if (rc == SQLITE_OK) {
    memset(p->aFreq, 0, sizeof(double) * p->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) {
      double w = (nVal > ic + 1) ? sqlite3_value_double(apVal[ic + 1]) : 1.0;
      p->aFreq[ip] += w;
    }
  }
  double D = 0.0;
  if (rc == SQLITE_OK) {
    int nTok = 0;
    rc = pApi->xColumnSize(pFts, -1, &nTok);
    D = (double)nTok;
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  double score = 0.0;
  for (int i = 0; i < p->nPhrase; i++) {
    score += p->aIDF[i] * ((p->aFreq[i] * (k1 + 1.0)) / (p->aFreq[i] + k1 * (1 - b + b * D / p->avgdl)));
  }
  sqlite3_result_double(pCtx, -1.0 * score);
}

static fts5_api *fts5Api(sqlite3 *db) {
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_sotayrank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  fts5_api *fts = fts5Api(db);
  if (!fts) {
    *pzErrMsg = sqlite3_mprintf("sotay_rank: FTS5 is not available");
    return SQLITE_ERROR;
  }
  return fts->xCreateFunction(fts, "sotay_bm25", 0, sotayBm25, 0);
}
