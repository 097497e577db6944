/** Thread entry of memberEditsOnThread: one task in workerData, its edits posted back (transferred) once. */
import { parentPort, workerData } from 'node:worker_threads';
import { memberEdits, type EditTask } from './edit-similarities.js';

const edits = await memberEdits(workerData as EditTask);
parentPort!.postMessage(edits, [edits.buffer]);
