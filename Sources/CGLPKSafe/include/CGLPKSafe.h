// A guarded boundary around the GLPK calls CohortPlanner uses.
//
// GLPK reports misuse and internal failures by printing a message and calling abort(). Every
// function here arms a thread-local setjmp buffer first; GLPK's error hook frees the thread's
// GLPK environment and jumps back, so the call returns CGLPK_CAUGHT with the message kept in
// cglpk_last_error(). After a caught error every GLPK object of the thread is gone: compare
// cglpk_generation() before touching an older pointer.
#ifndef CGLPK_SAFE_H
#define CGLPK_SAFE_H

#include <glpk.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Returned by every guarded call when GLPK raised a fatal error that was caught.
#define CGLPK_CAUGHT (-1000)

/// Bound types of one row or column, GLPK's GLP_FR … GLP_FX.
typedef struct cglpk_model {
  int rows;
  int cols;
  const int *row_bound_type;     // length rows
  const double *row_lower;       // length rows
  const double *row_upper;       // length rows
  const char *const *row_names;  // length rows, or NULL
  const int *col_bound_type;     // length cols
  const double *col_lower;       // length cols
  const double *col_upper;       // length cols
  const int *col_kind;           // GLP_CV, GLP_IV or GLP_BV; length cols
  const double *objective;       // length cols
  const char *const *col_names;  // length cols, or NULL
  double objective_constant;
  int maximize;
  int nonzeros;
  const int *matrix_row;     // 1-based, element 0 ignored; length nonzeros + 1
  const int *matrix_col;     // 1-based, element 0 ignored
  const double *matrix_value;  // element 0 ignored
  const char *name;            // or NULL
} cglpk_model;

/// What the branch-and-bound callback reports.
typedef struct cglpk_progress {
  int has_incumbent;
  double incumbent;
  int has_bound;
  double bound;
  double gap;  // relative gap as GLPK computes it; DBL_MAX without an incumbent
  int active_nodes;
  int total_nodes;
  int better_solution;  // 1 when called because a better integer solution was found
} cglpk_progress;

/// Called from inside glp_intopt; must not throw or jump. Return non-zero to stop the search.
typedef int (*cglpk_progress_fn)(void *context, const cglpk_progress *progress);
/// Receives GLPK's terminal output when forwarding is on.
typedef void (*cglpk_log_fn)(void *context, const char *text);

typedef struct cglpk_mip_parameters {
  int time_limit_ms;  // clamped to 0 … INT_MAX by the caller; 0 = no limit
  double relative_gap;
  int presolve;
  int gomory_cuts, mir_cuts, cover_cuts, clique_cuts;
  int feasibility_pump, proximity_search;
  int branching;   // GLP_BR_*
  int backtracking;  // GLP_BT_*
  cglpk_progress_fn progress;  // or NULL
  void *progress_context;
} cglpk_mip_parameters;

/// Forward GLPK's terminal output of this thread to `log` (NULL silences it).
void cglpk_set_log(cglpk_log_fn log, void *context);

/// The message of the last caught error on this thread ("" if none).
const char *cglpk_last_error(void);

/// Counts caught errors on this thread; pointers from an older generation are dead.
unsigned long cglpk_generation(void);

/// "5.0" on Debian 12.
const char *cglpk_version(void);

int cglpk_create(glp_prob **problem);
int cglpk_load(glp_prob *problem, const cglpk_model *model);
/// Loads matrix triplets unchecked; GLPK itself rejects bad indices (and we catch that).
int cglpk_load_matrix(glp_prob *problem, int nonzeros, const int *rows, const int *cols, const double *values);
/// Runs the simplex method; `result` receives glp_simplex's return code, `status` glp_get_status.
int cglpk_simplex(glp_prob *problem, int time_limit_ms, int presolve, int *result, int *status);
/// Runs branch and bound; `result` receives glp_intopt's return code, `status` glp_mip_status.
int cglpk_intopt(glp_prob *problem, const cglpk_mip_parameters *parameters, int *result, int *status);
/// Reads the LP (mip = 0) or MIP (mip = 1) objective and column values into `values[0…cols-1]`.
int cglpk_read_solution(glp_prob *problem, int mip, double *objective, double *values);
/// Whether the current basic solution is primal feasible (GLP_FEAS) after a simplex call.
int cglpk_primal_status(glp_prob *problem, int *status);
int cglpk_write_mps(glp_prob *problem, const char *path, int *result);
int cglpk_write_lp(glp_prob *problem, const char *path, int *result);
/// Deletes the problem if it still belongs to `generation`; a no-op after a caught error.
void cglpk_delete(glp_prob *problem, unsigned long generation);
/// Frees this thread's GLPK environment; call before a worker thread exits.
void cglpk_free_thread_environment(void);

#ifdef __cplusplus
}
#endif

#endif
