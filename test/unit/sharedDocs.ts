// Where the team's read-only Genesys reference documents are found (the
// curated ops extract and the 2018 Swagger beside FACTS.md):
// $CALL_DOCTOR_SHARED_DIR, else ../shared/genesys next to the repository.
// Tests that need one skip when it is absent.
import * as path from 'path';
import { packageRoot } from '../../src/node/paths';

export const SHARED_GENESYS_DIR = process.env.CALL_DOCTOR_SHARED_DIR || path.join(packageRoot(), '..', 'shared', 'genesys');

export const SWAGGER_2018_FILE = path.join(SHARED_GENESYS_DIR, 'swagger-2018.json');
