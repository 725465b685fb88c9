import type { IDataObject, INodeProperties, IPollFunctions, NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import {
	advance,
	type Change,
	isBefore,
	isNew,
	oldestFirst,
	openWindow,
	readWindow,
} from '../../shared/changeWindow';
import type { PollSteps } from '../../shared/polling';
import { oneOf } from '../../shared/schemas';
import type { ApiClient } from '../../shared/transport/client';
import { checkParameters } from '../../shared/validation';
import { eventPage } from '../transport/events';
import { eventsField, SIGNATUREAPI_EVENTS } from './events';

/**
 * The SignatureAPI Polling Trigger reads the account's event list (GET /events), which gives the
 * very objects SignatureAPI's webhooks deliver, newest first, 20 to a page.
 */

/** Pages read by one poll at most (5 × 20 events; SignatureAPI allows 10 requests a second). */
export const MAX_PAGES = 5;

/**
 * SignatureAPI lists events in the order it records them, so an event is taken to appear in the
 * list within 10 s of its timestamp (unconfirmed): each poll reads that far back again.
 */
export const LOOKBACK_MS = 10_000;

export const rereadingProperties: INodeProperties[] = [
	{
		displayName:
			'n8n asks SignatureAPI for new events at the times set in Poll Times: nothing has to be set up in SignatureAPI, and n8n needs no public URL. Each event starts one run.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	eventsField(
		'Which events start the workflow. To fetch the signed PDF, use Deliverable Generated: Envelope Completed can come before the file exists.',
	),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Envelope Metadata',
				name: 'metadata',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Metadata',
				description:
					'Only events of envelopes whose metadata holds every one of these keys with exactly this value',
				options: [
					{
						displayName: 'Metadata',
						name: 'pair',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	},
];

const filtersSchema = z.object({
	events: z.array(oneOf(SIGNATUREAPI_EVENTS)).min(1, 'Pick at least one event.'),
	metadata: z.array(
		z.object({
			key: z
				.string()
				.min(1, 'Enter the metadata key.')
				.max(32, 'SignatureAPI metadata keys have at most 32 characters.'),
			value: z.string({ invalid_type_error: 'Must be text.' }),
		}),
	),
});

type Filters = z.infer<typeof filtersSchema>;

/** The trigger's filters, checked before any request. */
export function readFilters(ctx: IPollFunctions): Filters {
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const metadata = ((filters.metadata as IDataObject | undefined)?.pair ?? []) as IDataObject[];
	return checkParameters(ctx, 0, rereadingProperties, filtersSchema, {
		events: ctx.getNodeParameter('events', []),
		metadata,
	});
}

function matches(event: IDataObject, filters: Filters): boolean {
	if (!filters.events.includes(String(event.type))) return false;
	const data = (event.data ?? {}) as IDataObject;
	const metadata = (data.envelope_metadata ?? {}) as IDataObject;
	return filters.metadata.every(({ key, value }) => metadata[key] === value);
}

const asChange = (event: IDataObject): Change => ({
	key: String(event.id),
	time: Date.parse(String(event.timestamp)),
});

/** With one event type picked, SignatureAPI filters the list itself: fewer pages to read. */
const firstPage = (filters: Filters) => ({
	type: filters.events.length === 1 ? filters.events[0] : undefined,
});

/**
 * A catch-up under way: the list is newest first, so after a long pause (more new events than
 * one poll reads) the trigger first walks down to the last event it handled, over several polls,
 * keeping the link of every page it passed; then it works back up, a few pages per poll, oldest
 * first. The first page is not among them: its content moves as events arrive, so the poll after
 * the catch-up reads it afresh, down to where the catch-up ended.
 */
interface Walk {
	/** Links of the pages passed and not yet handled, newest first. */
	pages: string[];
	/** Where the walk down goes on; undefined once it reached the events already handled. */
	next?: string;
}

/**
 * A page link SignatureAPI no longer takes (any 4xx but a refused key or a 429, which say nothing
 * about the link): the walk is dropped, and the next poll walks again from the first page. The
 * cursor has not moved, so nothing is lost.
 */
function staleLink(error: unknown): boolean {
	const status = Number((error as NodeApiError).httpCode);
	return status >= 400 && status < 500 && ![401, 403, 429].includes(status);
}

function readWalk(value: unknown): Walk | undefined {
	const walk = value as Partial<Walk> | undefined;
	if (!walk || !Array.isArray(walk.pages)) return undefined;
	return { pages: [...walk.pages], next: typeof walk.next === 'string' ? walk.next : undefined };
}

export function pollSteps(ctx: IPollFunctions, api: ApiClient): PollSteps {
	return {
		hasCursor: (state) => readWindow(state.window) !== undefined,

		async start(state) {
			const page = await eventPage(api, firstPage(readFilters(ctx)));
			state.window = openWindow(page.events.map(asChange));
			delete state.walk;
		},

		async next(state) {
			const filters = readFilters(ctx);
			const window = readWindow(state.window)!;
			let walk = readWalk(state.walk);
			let budget = MAX_PAGES;
			const reachesHandled = (events: IDataObject[]) =>
				events.some((event) => isBefore(window, asChange(event).time));

			/**
			 * Handles `events` (newest first, as listed): the cursor moves past them; those the
			 * filters let through. Events of the same time keep the order SignatureAPI recorded them in.
			 */
			const handle = (events: IDataObject[]) => {
				const fresh = oldestFirst(
					events
						.map((event) => ({ ...asChange(event), event }))
						.filter((c) => isNew(window, c))
						.reverse(),
				);
				state.window = advance(window, fresh, LOOKBACK_MS);
				return fresh.map((c) => c.event).filter((event) => matches(event, filters));
			};

			let top: IDataObject[] | undefined;
			if (!walk) {
				const page = await eventPage(api, firstPage(filters));
				budget--;
				if (reachesHandled(page.events) || !page.next) return handle(page.events);
				top = page.events;
				walk = { pages: [], next: page.next };
			}
			// A page link kept from an earlier poll that SignatureAPI refuses now starts the walk over.
			try {
				const read = new Map<string, IDataObject[]>();
				while (walk.next && budget > 0) {
					const link = walk.next;
					const page = await eventPage(api, { next: link });
					budget--;
					read.set(link, page.events);
					walk.pages.push(link);
					walk.next = reachesHandled(page.events) || !page.next ? undefined : page.next;
				}
				if (walk.next) {
					state.walk = walk;
					return [];
				}
				// Climbing: the bottom pages first, each handled newest first like the list.
				const climbed: IDataObject[][] = [];
				while (walk.pages.length) {
					const link = walk.pages[walk.pages.length - 1];
					let events = read.get(link);
					if (!events) {
						if (budget === 0) break;
						events = (await eventPage(api, { next: link })).events;
						budget--;
					}
					climbed.unshift(events);
					walk.pages.pop();
				}
				if (walk.pages.length) state.walk = walk;
				else {
					delete state.walk;
					// A walk that began and ended in this poll has its first page in hand as well.
					if (top) climbed.unshift(top);
				}
				return handle(climbed.flat());
			} catch (error) {
				if (staleLink(error)) delete state.walk;
				throw error as NodeApiError;
			}
		},

		async latest() {
			const filters = readFilters(ctx);
			let page = await eventPage(api, firstPage(filters));
			for (let read = 1; ; read++) {
				const found = page.events.find((event) => matches(event, filters));
				if (found || !page.next || read === MAX_PAGES) return found;
				page = await eventPage(api, { next: page.next });
			}
		},
	};
}
