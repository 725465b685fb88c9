import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import { z } from 'zod';

import { numberInput, oneOf } from '../schemas';
import { checkParameters } from '../validation';

/**
 * "Limit Wait Time", after the option of n8n's own send-and-wait nodes: when the limit passes, n8n
 * resumes the execution without running the node again, so the items go on exactly as they came
 * in, without signing_status. That is how a workflow tells a timed-out wait apart.
 */

const unitOptions: INodePropertyOptions[] = [
	{ name: 'Minutes', value: 'minutes' },
	{ name: 'Hours', value: 'hours' },
	{ name: 'Days', value: 'days' },
];

const limitTypeOptions: INodePropertyOptions[] = [
	{
		name: 'After Time Interval',
		value: 'afterTimeInterval',
		description: 'Stop waiting after an amount of time',
	},
	{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Stop waiting at a date' },
];

const whenLimited = { show: { limitWaitTime: [true] } };

export const limitProperties: INodeProperties[] = [
	{
		displayName: 'Limit Wait Time',
		name: 'limitWaitTime',
		type: 'boolean',
		default: true,
		description:
			'Whether to stop waiting after a while. The workflow then goes on with the items exactly as they came in, without signing_status.',
	},
	{
		displayName: 'Limit Type',
		name: 'limitType',
		type: 'options',
		options: limitTypeOptions,
		default: 'afterTimeInterval',
		displayOptions: whenLimited,
	},
	{
		displayName: 'Amount',
		name: 'resumeAmount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'How long to wait at most',
		displayOptions: { show: { limitWaitTime: [true], limitType: ['afterTimeInterval'] } },
	},
	{
		displayName: 'Unit',
		name: 'resumeUnit',
		type: 'options',
		options: unitOptions,
		default: 'days',
		displayOptions: { show: { limitWaitTime: [true], limitType: ['afterTimeInterval'] } },
	},
	{
		displayName: 'Max Date and Time',
		name: 'maxDateAndTime',
		type: 'dateTime',
		default: '',
		description: 'When to stop waiting',
		displayOptions: { show: { limitWaitTime: [true], limitType: ['atSpecifiedTime'] } },
	},
];

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

const schema = z.discriminatedUnion('limitType', [
	z.object({
		limitType: z.literal('none'),
	}),
	z.object({
		limitType: z.literal('afterTimeInterval'),
		resumeAmount: numberInput('Must be a number such as 1 or 0.5.').pipe(
			z.number().positive('Must be more than 0.'),
		),
		resumeUnit: oneOf(unitOptions),
	}),
	z.object({
		limitType: z.literal('atSpecifiedTime'),
		maxDateAndTime: z
			.string({ invalid_type_error: 'Must be a date such as 2026-12-31T17:00:00Z.' })
			.refine((v) => !Number.isNaN(Date.parse(v)), 'Must be a date such as 2026-12-31T17:00:00Z.')
			.refine((v) => Date.parse(v) > Date.now(), 'Must be in the future.'),
	}),
]);

/** When n8n is to stop waiting: the limit the user set, or never. Checked before anything is sent. */
export function waitUntil(ctx: IExecuteFunctions): Date {
	const limited = ctx.getNodeParameter('limitWaitTime', 0, true) as boolean;
	const limitType = limited ? (ctx.getNodeParameter('limitType', 0) as string) : 'none';
	const params = checkParameters(ctx, 0, limitProperties, schema, {
		limitType,
		...(limitType === 'afterTimeInterval'
			? {
					resumeAmount: ctx.getNodeParameter('resumeAmount', 0),
					resumeUnit: ctx.getNodeParameter('resumeUnit', 0),
				}
			: {}),
		...(limitType === 'atSpecifiedTime'
			? { maxDateAndTime: ctx.getNodeParameter('maxDateAndTime', 0) }
			: {}),
	});
	if (params.limitType === 'afterTimeInterval')
		return new Date(Date.now() + params.resumeAmount * UNIT_MS[params.resumeUnit]);
	if (params.limitType === 'atSpecifiedTime') return new Date(params.maxDateAndTime);
	return WAIT_INDEFINITELY;
}
