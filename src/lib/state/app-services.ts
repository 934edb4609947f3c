/**
 * The app's long-lived adapters, created once per page load on first use:
 * the IndexedDB database, the notebook repository and the projection worker client.
 */
import { openDatabase, type BoligbehovDB } from '#lib/adapters/db/database.ts';
import { NotebookRepository } from '#lib/adapters/db/notebook-repository.ts';
import { ProjectionClient } from '#lib/adapters/worker/projection-client.ts';

export interface AppServices {
	db: BoligbehovDB;
	repo: NotebookRepository;
	projections: ProjectionClient;
}

let services: AppServices | null = null;

export function appServices(): AppServices {
	if (!services) {
		const db = openDatabase();
		services = { db, repo: new NotebookRepository(db), projections: new ProjectionClient() };
	}
	return services;
}
