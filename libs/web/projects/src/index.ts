export * from './lib/projects.routes';
export { ProjectHealthBadge, ProjectStatusBadge } from './lib/ui/project-badges';
