/** Thread entry of clusterDetailsOnThread: one task in workerData, its details posted back once (the edits transferred). */
import { parentPort, workerData } from 'node:worker_threads';
import { clusterDetails, type DetailsTask } from './cluster-details.js';

const details = await clusterDetails(workerData as DetailsTask);
parentPort!.postMessage(details, [details.edits.buffer as ArrayBuffer]);
