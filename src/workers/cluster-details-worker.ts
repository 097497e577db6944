/** Thread entry of clusterDetailsOnThread: one task in workerData, its details posted back once (transferred). */
import { parentPort, workerData } from 'node:worker_threads';
import { clusterDetails, type DetailsTask } from './cluster-details.js';

const details = await clusterDetails(workerData as DetailsTask);
parentPort!.postMessage(details, [details.edits, details.viewBytes, details.viewStarts, details.viewEnds].map((a) => a.buffer as ArrayBuffer));
