/** Registers every route group. Each file: validate → authorize → one command → present. */
import type { FastifyInstance } from "fastify";
import type { AppState } from "../http/state.ts";
import { auditRoutes } from "./audit.ts";
import { authRoutes } from "./auth.ts";
import { dashboardRoutes } from "./dashboard.ts";
import { evaluationRoundRoutes } from "./evaluation-rounds.ts";
import { evidenceRoutes } from "./evidence.ts";
import { healthRoutes } from "./health.ts";
import { importRoutes } from "./imports.ts";
import { libraryRoutes } from "./library.ts";
import { monitoringRoutes } from "./monitoring.ts";
import { orgRoutes } from "./org.ts";
import { projectRoutes } from "./projects.ts";
import { publicationRoutes } from "./publications.ts";
import { rectificationRoutes } from "./rectifications.ts";
import { reviewRoutes } from "./review.ts";
import { selfEvaluationRoutes } from "./self-evaluation.ts";
import { selfEvaluationReportRoutes } from "./self-evaluation-reports.ts";
import { workflowRoutes } from "./workflow.ts";

export interface RouteOptions {
  secureCookies: boolean;
}

export async function registerRoutes(app: FastifyInstance, state: AppState, opts: RouteOptions): Promise<void> {
  healthRoutes(app, state);
  authRoutes(app, state, opts);
  orgRoutes(app, state);
  projectRoutes(app, state);
  dashboardRoutes(app, state);
  workflowRoutes(app, state);
  reviewRoutes(app, state);
  importRoutes(app, state);
  selfEvaluationRoutes(app, state);
  evaluationRoundRoutes(app, state);
  rectificationRoutes(app, state);
  evidenceRoutes(app, state);
  selfEvaluationReportRoutes(app, state);
  monitoringRoutes(app, state);
  libraryRoutes(app, state);
  publicationRoutes(app, state);
  auditRoutes(app, state);
}
