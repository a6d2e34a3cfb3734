internal import CGLPK
import OptimizationModel

/// The one place where GLPK's return codes and solution statuses become a ``SolveStatus``.
/// A return code of 0 means "the routine finished", not "optimal" (GLPK manual §2.8.1, §2.10.1).
enum GLPKStatusMapping {
  struct Outcome: Equatable {
    var status: SolveStatus
    var hasSolution: Bool
  }

  /// Maps `glp_simplex`'s return code and `glp_get_status`.
  static func simplex(result: Int32, status: Int32, primalFeasible: () throws -> Bool) throws -> Outcome {
    switch result {
    case 0:
      switch status {
      case GLP_OPT: return Outcome(status: .optimal, hasSolution: true)
      case GLP_NOFEAS, GLP_INFEAS: return Outcome(status: .infeasible, hasSolution: false)
      case GLP_UNBND: return Outcome(status: .unbounded, hasSolution: false)
      case GLP_FEAS: return Outcome(status: .feasible, hasSolution: true)
      default: throw SolverError.solverFailure("simplex finished with undefined solution status \(status)")
      }
    case GLP_ENOPFS: return Outcome(status: .infeasible, hasSolution: false)
    case GLP_ENODFS:
      return Outcome(status: try primalFeasible() ? .unbounded : .infeasible, hasSolution: false)
    case GLP_ETMLIM, GLP_EITLIM:
      return Outcome(status: .timeLimit, hasSolution: status == GLP_FEAS)
    default:
      throw SolverError.solverFailure(describe(result))
    }
  }

  /// Maps `glp_intopt`'s return code and `glp_mip_status`.
  static func intopt(result: Int32, status: Int32, interrupted: Bool, primalFeasible: () throws -> Bool) throws
    -> Outcome
  {
    let hasIncumbent = status == GLP_OPT || status == GLP_FEAS
    switch result {
    case 0:
      switch status {
      case GLP_OPT: return Outcome(status: .optimal, hasSolution: true)
      case GLP_NOFEAS: return Outcome(status: .infeasible, hasSolution: false)
      default: throw SolverError.solverFailure("branch and bound finished with undefined status \(status)")
      }
    case GLP_ENOPFS: return Outcome(status: .infeasible, hasSolution: false)
    case GLP_ENODFS:
      return Outcome(status: try primalFeasible() ? .unbounded : .infeasible, hasSolution: false)
    case GLP_EMIPGAP: return Outcome(status: .feasible, hasSolution: hasIncumbent)
    case GLP_ETMLIM: return Outcome(status: .timeLimit, hasSolution: hasIncumbent)
    case GLP_ESTOP: return Outcome(status: interrupted ? .interrupted : .feasible, hasSolution: hasIncumbent)
    default: throw SolverError.solverFailure(describe(result))
    }
  }

  /// The manual's sentence for a return code that means we or the solver failed.
  static func describe(_ result: Int32) -> String {
    switch result {
    case GLP_EBOUND: return "GLPK rejected a variable bound (GLP_EBOUND): an integer variable has fractional bounds"
    case GLP_EROOT: return "GLPK found no optimal basis for the root relaxation (GLP_EROOT)"
    case GLP_EFAIL: return "GLPK's solver failed (GLP_EFAIL)"
    case GLP_ESING: return "the basis matrix is singular (GLP_ESING)"
    case GLP_ECOND: return "the basis matrix is ill-conditioned (GLP_ECOND)"
    case GLP_EBADB: return "the initial basis is invalid (GLP_EBADB)"
    default: return "GLPK returned code \(result)"
    }
  }
}
