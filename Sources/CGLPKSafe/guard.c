#include "CGLPKSafe.h"

#include <float.h>
#include <setjmp.h>
#include <string.h>

// Per-thread guard state: GLPK's own environment is thread-local (Debian builds it re-entrant),
// so the jump buffer, the captured message and the hooks must be too.
typedef struct guard_state {
  jmp_buf jump;
  int armed;
  unsigned long generation;
  char message[2048];
  size_t message_length;
  cglpk_log_fn log;
  void *log_context;
} guard_state;

static _Thread_local guard_state tls;

static void append_message(const char *text) {
  size_t length = strlen(text);
  size_t room = sizeof(tls.message) - 1 - tls.message_length;
  if (length > room) length = room;
  memcpy(tls.message + tls.message_length, text, length);
  tls.message_length += length;
  tls.message[tls.message_length] = '\0';
}

// GLPK prints through this hook; while an error is being raised the text is the error message.
static int terminal_hook(void *info, const char *text) {
  (void)info;
  if (glp_at_error()) {
    append_message(text);
  } else if (tls.log != NULL) {
    tls.log(tls.log_context, text);
  }
  return 1;  // never let GLPK write to stdout itself
}

// Runs just before GLPK would call abort(). Manual §6.1.13: free the environment, then leave.
static void error_hook(void *info) {
  (void)info;
  tls.generation += 1;
  if (!tls.armed) return;  // nowhere to jump: GLPK aborts as it always would
  tls.armed = 0;
  glp_free_env();
  longjmp(tls.jump, 1);
}

static void prepare(void) {
  tls.message_length = 0;
  tls.message[0] = '\0';
  glp_term_hook(terminal_hook, NULL);
  glp_error_hook(error_hook, NULL);
  glp_term_out(tls.log != NULL ? GLP_ON : GLP_OFF);
}

// setjmp must be called in the frame that stays alive while GLPK runs, hence a macro.
#define GUARD_BEGIN              \
  prepare();                     \
  if (setjmp(tls.jump) != 0) {   \
    return CGLPK_CAUGHT;         \
  }                              \
  tls.armed = 1;
#define GUARD_END tls.armed = 0;

void cglpk_set_log(cglpk_log_fn log, void *context) {
  tls.log = log;
  tls.log_context = context;
}

const char *cglpk_last_error(void) { return tls.message; }

unsigned long cglpk_generation(void) { return tls.generation; }

const char *cglpk_version(void) { return glp_version(); }

int cglpk_create(glp_prob **problem) {
  GUARD_BEGIN
  *problem = glp_create_prob();
  GUARD_END
  return 0;
}

int cglpk_load(glp_prob *problem, const cglpk_model *model) {
  GUARD_BEGIN
  if (model->name != NULL) glp_set_prob_name(problem, model->name);
  glp_set_obj_dir(problem, model->maximize ? GLP_MAX : GLP_MIN);
  glp_set_obj_coef(problem, 0, model->objective_constant);
  if (model->rows > 0) glp_add_rows(problem, model->rows);
  if (model->cols > 0) glp_add_cols(problem, model->cols);
  for (int i = 0; i < model->rows; i++) {
    glp_set_row_bnds(problem, i + 1, model->row_bound_type[i], model->row_lower[i], model->row_upper[i]);
    if (model->row_names != NULL) glp_set_row_name(problem, i + 1, model->row_names[i]);
  }
  for (int j = 0; j < model->cols; j++) {
    glp_set_col_kind(problem, j + 1, model->col_kind[j]);
    if (model->col_kind[j] != GLP_BV) {
      glp_set_col_bnds(problem, j + 1, model->col_bound_type[j], model->col_lower[j], model->col_upper[j]);
    }
    glp_set_obj_coef(problem, j + 1, model->objective[j]);
    if (model->col_names != NULL) glp_set_col_name(problem, j + 1, model->col_names[j]);
  }
  if (model->nonzeros > 0) {
    glp_load_matrix(problem, model->nonzeros, model->matrix_row, model->matrix_col, model->matrix_value);
  }
  GUARD_END
  return 0;
}

int cglpk_load_matrix(glp_prob *problem, int nonzeros, const int *rows, const int *cols, const double *values) {
  GUARD_BEGIN
  glp_load_matrix(problem, nonzeros, rows, cols, values);
  GUARD_END
  return 0;
}

int cglpk_simplex(glp_prob *problem, int time_limit_ms, int presolve, int *result, int *status) {
  GUARD_BEGIN
  glp_smcp parameters;
  glp_init_smcp(&parameters);
  parameters.msg_lev = tls.log != NULL ? GLP_MSG_ALL : GLP_MSG_ERR;
  parameters.presolve = presolve ? GLP_ON : GLP_OFF;
  if (time_limit_ms > 0) parameters.tm_lim = time_limit_ms;
  *result = glp_simplex(problem, &parameters);
  *status = glp_get_status(problem);
  GUARD_END
  return 0;
}

// Called by glp_intopt at each stage of the search. Only info and terminate calls happen here,
// with valid arguments, so the guard never has to jump across the caller's frames.
static void search_callback(glp_tree *tree, void *info) {
  const cglpk_mip_parameters *parameters = info;
  int reason = glp_ios_reason(tree);
  if (reason != GLP_ISELECT && reason != GLP_IBINGO) return;
  cglpk_progress progress;
  memset(&progress, 0, sizeof progress);
  progress.better_solution = reason == GLP_IBINGO;
  glp_prob *current = glp_ios_get_prob(tree);
  int status = glp_mip_status(current);
  if (status == GLP_FEAS || status == GLP_OPT) {
    progress.has_incumbent = 1;
    progress.incumbent = glp_mip_obj_val(current);
  }
  int best = glp_ios_best_node(tree);
  if (best != 0) {
    progress.has_bound = 1;
    progress.bound = glp_ios_node_bound(tree, best);
  }
  progress.gap = progress.has_incumbent ? glp_ios_mip_gap(tree) : DBL_MAX;
  int total = 0;
  glp_ios_tree_size(tree, &progress.active_nodes, NULL, &total);
  progress.total_nodes = total;
  if (parameters->progress != NULL && parameters->progress(parameters->progress_context, &progress) != 0) {
    glp_ios_terminate(tree);
  }
}

int cglpk_intopt(glp_prob *problem, const cglpk_mip_parameters *parameters, int *result, int *status) {
  GUARD_BEGIN
  glp_iocp control;
  glp_init_iocp(&control);
  control.msg_lev = tls.log != NULL ? GLP_MSG_ALL : GLP_MSG_ERR;
  control.presolve = parameters->presolve ? GLP_ON : GLP_OFF;
  if (parameters->time_limit_ms > 0) control.tm_lim = parameters->time_limit_ms;
  control.mip_gap = parameters->relative_gap;
  control.gmi_cuts = parameters->gomory_cuts ? GLP_ON : GLP_OFF;
  control.mir_cuts = parameters->mir_cuts ? GLP_ON : GLP_OFF;
  control.cov_cuts = parameters->cover_cuts ? GLP_ON : GLP_OFF;
  control.clq_cuts = parameters->clique_cuts ? GLP_ON : GLP_OFF;
  control.fp_heur = parameters->feasibility_pump ? GLP_ON : GLP_OFF;
  control.ps_heur = parameters->proximity_search ? GLP_ON : GLP_OFF;
  control.br_tech = parameters->branching;
  control.bt_tech = parameters->backtracking;
  control.cb_func = search_callback;
  control.cb_info = (void *)parameters;
  *result = glp_intopt(problem, &control);
  *status = glp_mip_status(problem);
  GUARD_END
  return 0;
}

int cglpk_read_solution(glp_prob *problem, int mip, double *objective, double *values) {
  GUARD_BEGIN
  int cols = glp_get_num_cols(problem);
  *objective = mip ? glp_mip_obj_val(problem) : glp_get_obj_val(problem);
  for (int j = 1; j <= cols; j++) {
    values[j - 1] = mip ? glp_mip_col_val(problem, j) : glp_get_col_prim(problem, j);
  }
  GUARD_END
  return 0;
}

int cglpk_primal_status(glp_prob *problem, int *status) {
  GUARD_BEGIN
  *status = glp_get_prim_stat(problem);
  GUARD_END
  return 0;
}

int cglpk_write_mps(glp_prob *problem, const char *path, int *result) {
  GUARD_BEGIN
  *result = glp_write_mps(problem, GLP_MPS_FILE, NULL, path);
  GUARD_END
  return 0;
}

int cglpk_write_lp(glp_prob *problem, const char *path, int *result) {
  GUARD_BEGIN
  *result = glp_write_lp(problem, NULL, path);
  GUARD_END
  return 0;
}

void cglpk_delete(glp_prob *problem, unsigned long generation) {
  if (problem == NULL || generation != tls.generation) return;
  glp_delete_prob(problem);
}

void cglpk_free_thread_environment(void) {
  glp_free_env();
}
