import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { PollSteps } from '../../shared/polling';
import { oneOf } from '../../shared/schemas';
import type { ApiClient } from '../../shared/transport/client';
import { checkParameters } from '../../shared/validation';
import { polledDocumentPage } from '../transport/signRequests';

/**
 * The Leegality Polling Trigger. Leegality's document list gives each document's status but no
 * time of change, and pages by offset in an order it does not publish. So the trigger remembers
 * every document's status and reads the whole list again, 5 pages of 40 per poll, carrying on
 * where the last poll stopped; a document whose status differs from the one remembered (or that
 * is new) is a change. The first full reading only records what is there.
 */

/** Pages one poll reads at most (Leegality's largest page is 40 documents). */
export const MAX_PAGES = 5;

/** Documents whose status the trigger remembers at most (its static data stays below ~1 MB). */
export const MAX_DOCUMENTS = 20_000;

const EVENTS: INodePropertyOptions[] = [
	{
		name: 'Document Completed (All Signed)',
		value: 'document.completed',
		description: 'Every invitee has signed',
	},
	{ name: 'Document Sent', value: 'document.sent', description: 'The invitees were invited' },
];

/** The status each event is about, as Leegality writes it and as its webhooks write it. */
const STATUS_OF: Record<string, { listed: string; shown: string }> = {
	'document.sent': { listed: 'SENT', shown: 'Sent' },
	'document.completed': { listed: 'COMPLETED', shown: 'Completed' },
};

export const rereadingProperties: INodeProperties[] = [
	{
		displayName:
			'n8n reads Leegality’s document list at the times set in Poll Times and compares each document’s status with the one it saw before: nothing has to be set up in Leegality, and n8n needs no public URL. Each change starts one run.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENTS,
		required: true,
		default: ['document.completed'],
		description: 'Which status changes start the workflow',
	},
	{
		displayName: 'Search',
		name: 'q',
		type: 'string',
		default: '',
		description:
			'Only documents with this name, document ID or IRN (Leegality matches the whole value, ignoring case). Empty watches every document of the account.',
	},
];

const paramsSchema = z.object({
	events: z.array(oneOf(EVENTS)).min(1, 'Pick at least one event.'),
	q: z.string({ invalid_type_error: 'Must be text.' }).trim(),
});

type Params = z.infer<typeof paramsSchema>;

function readParams(ctx: IPollFunctions): Params {
	return checkParameters(ctx, 0, rereadingProperties, paramsSchema, {
		events: ctx.getNodeParameter('events', []),
		q: ctx.getNodeParameter('q', ''),
	});
}

const titleCase = (status: string) => status.charAt(0) + status.slice(1).toLowerCase();

/** The events a document's move from `before` (undefined: not seen yet) to `now` amounts to. */
function eventsBetween(before: string | undefined, now: string): string[] {
	if (before === now) return [];
	const sent = before === undefined || before === 'DRAFT';
	if (now === 'SENT') return sent ? ['document.sent'] : [];
	if (now === 'COMPLETED')
		return sent ? ['document.sent', 'document.completed'] : ['document.completed'];
	return [];
}

function output(event: string, document: IDataObject, before?: string): IDataObject {
	return {
		event,
		documentId: document.documentId,
		documentStatus: STATUS_OF[event].shown,
		previousStatus: before ? titleCase(before) : null,
		irn: document.irn ?? null,
		name: document.name ?? null,
		document,
	};
}

/** The trigger's memory: every document's status, and where the reading of the list stands. */
interface Reading {
	documents: Record<string, string>;
	/** Where the next poll goes on reading. */
	offset: number;
	/** False until the list was read once from start to end: until then nothing is reported. */
	watching: boolean;
}

function readReading(state: IDataObject): Reading | undefined {
	const documents = state.documents;
	if (!documents || typeof documents !== 'object') return undefined;
	return {
		documents: { ...(documents as Record<string, string>) },
		offset: typeof state.offset === 'number' ? state.offset : 0,
		watching: state.watching === true,
	};
}

export function pollSteps(ctx: IPollFunctions, api: ApiClient): PollSteps {
	/**
	 * Reads up to MAX_PAGES pages from where the reading stands, at most to the end of the list,
	 * and returns the events of the documents that changed (none while not yet watching).
	 */
	const read = async (reading: Reading, params: Params) => {
		const found: IDataObject[] = [];
		for (let page = 0; page < MAX_PAGES; page++) {
			const { documents, next } = await polledDocumentPage(api, {
				offset: reading.offset,
				q: params.q,
			});
			for (const document of documents) {
				const id = document.documentId;
				const status = document.status.toUpperCase();
				const before = reading.documents[id];
				if (reading.watching)
					for (const event of eventsBetween(before, status))
						if (params.events.includes(event)) found.push(output(event, document, before));
				reading.documents[id] = status;
			}
			if (Object.keys(reading.documents).length > MAX_DOCUMENTS)
				throw new NodeOperationError(
					ctx.getNode(),
					`Leegality lists more than ${MAX_DOCUMENTS} documents: more than this trigger can remember`,
					{
						description:
							'Watch fewer documents with Search (a document name, ID or IRN), or use the Leegality Trigger, which Leegality calls on each signature.',
					},
				);
			if (next === undefined) {
				// The end of the list: the next poll starts over, and from now on changes count.
				reading.offset = 0;
				reading.watching = true;
				break;
			}
			reading.offset = next;
		}
		return found;
	};
	const keep = (state: IDataObject, reading: Reading) => {
		state.documents = reading.documents;
		state.offset = reading.offset;
		state.watching = reading.watching;
	};

	return {
		hasCursor: (state) => readReading(state) !== undefined,

		async start(state) {
			const reading: Reading = { documents: {}, offset: 0, watching: false };
			await read(reading, readParams(ctx));
			keep(state, reading);
		},

		async next(state) {
			const reading = readReading(state)!;
			const found = await read(reading, readParams(ctx));
			keep(state, reading);
			return found;
		},

		async latest() {
			const params = readParams(ctx);
			const wanted = params.events.map((event) => STATUS_OF[event].listed);
			let offset: number | undefined = 0;
			for (let page = 0; page < MAX_PAGES && offset !== undefined; page++) {
				const { documents, next } = await polledDocumentPage(api, { offset, q: params.q });
				const document = documents.find((d) => wanted.includes(d.status.toUpperCase()));
				if (document) {
					const event = params.events.find(
						(e) => STATUS_OF[e].listed === document.status.toUpperCase(),
					)!;
					return output(event, document);
				}
				offset = next;
			}
			return undefined;
		},
	};
}
