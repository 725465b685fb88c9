import fc from 'fast-check';
import type { INodeExecutionData } from 'n8n-workflow';

import { useLeegality } from '../Leegality/setup';
import { samplePdf } from '../simulators/base';
import * as invalid from './arbitraries';
import {
	type Break,
	entriesFromItem,
	field,
	fields,
	fromItem,
	type OperationSpec,
	propertyTests,
	RUNS,
} from './batch';

/** Leegality's download types, as Sign Request → Download offers them. */
const DOWNLOAD_TYPES = ['DOCUMENT', 'AUDIT_TRAIL', 'ATTACHMENT', 'SUPPORTING_DOCUMENT'];

const SIGN_URL = 'https://sandbox.leegality.com/sign/6069cd1e-961f-47b1-bd27-ac7ba1d7363c';

const documentId = field('documentId', 'Document ID', invalid.pathId);

/** A text that must be there and has no spaces (Workflow ID, DocSigner Profile ID). */
const idWithoutSpaces = fc.oneof(
	invalid.requiredText,
	fc.constantFrom('d4N rfHV', 'wf docsigner 01', 'd4NrfHV\tx'),
);

const pdfBinary = (): INodeExecutionData['binary'] => ({
	data: {
		data: samplePdf('to-sign').toString('base64'),
		fileName: 'contract.pdf',
		mimeType: 'application/pdf',
	},
});

/** The input file is not a PDF (a scan, a text, an HTML error page saved as .pdf). */
const notPdf: fc.Arbitrary<Break> = fc
	.constantFrom(
		{ fileName: 'scan.png', mimeType: 'image/png', text: '\x89PNG\r\n\x1a\n....' },
		{ fileName: 'notes.txt', mimeType: 'text/plain', text: 'Please sign' },
		{
			fileName: 'contract.pdf',
			mimeType: 'application/pdf',
			text: '<html><body>Not found</body></html>',
		},
	)
	.map(({ fileName, mimeType, text }) => ({
		labels: ['Input Binary Field'],
		apply: (item) => {
			item.binary = {
				data: { data: Buffer.from(text, 'binary').toString('base64'), fileName, mimeType },
			};
		},
		shows: { binary: fileName },
	}));

/** Neither a sign URL (https://…) nor the UUID at its end. */
const invitationRef = fc.oneof(
	invalid.blank,
	invalid.missing,
	invalid.notText,
	fc.constantFrom(
		SIGN_URL.replace('https://', 'http://'),
		SIGN_URL.replace('https://', ''),
		'6069cd1e-961f-47b1',
		'6069cd1e961f47b1bd27ac7ba1d7363c',
		'zzzzzzzz-961f-47b1-bd27-ac7ba1d7363c',
		`${SIGN_URL} x`,
	),
);

const specs: OperationSpec[] = [
	{
		title: 'DocSigner → Sign Invitation',
		parameters: {
			resource: 'docSigner',
			operation: 'signInvitation',
			signUrl: fromItem('signUrl'),
			profileId: fromItem('profileId'),
			consent: fromItem('consent'),
		},
		baseline: () => ({ json: { signUrl: SIGN_URL, profileId: 'd4NrfHV', consent: true } }),
		breaks: [
			field('signUrl', 'Sign URL', invalid.httpsUrl),
			field('profileId', 'DocSigner Profile ID', idWithoutSpaces),
			field(
				'consent',
				'I Agree',
				fc.oneof(fc.constant(false), fc.constant(null), invalid.notBoolean),
			),
		],
		sends: ['POST', '/v3.0/sign/docSigner/invitation'],
	},
	{
		title: 'Sign Request → Create',
		parameters: {
			resource: 'signRequest',
			operation: 'create',
			profileId: fromItem('profileId'),
			binaryPropertyName: fromItem('binaryPropertyName'),
			invitees: { invitee: entriesFromItem('invitees', 2, ['name', 'email', 'phone']) },
			irn: fromItem('irn'),
			options: { documentName: fromItem('documentName') },
		},
		baseline: () => ({
			json: {
				profileId: 'wf_docsigner_01',
				binaryPropertyName: 'data',
				invitees: [
					{ name: 'Isha Invitee', email: 'isha@example.com', phone: '9876543210' },
					{ name: 'Ravi Reviewer', email: 'ravi@example.com', phone: '' },
				],
				irn: 'PO-2026-001',
				documentName: 'Purchase order',
			},
			binary: pdfBinary(),
		}),
		breaks: [
			field('profileId', 'Workflow ID', idWithoutSpaces),
			field('binaryPropertyName', 'Input Binary Field', invalid.outputBinaryField),
			// readBinary words it its own way: "… is not a binary field of this item", listing the fields there are.
			fields('Input Binary Field', fc.record({ binaryPropertyName: invalid.absentBinaryField }), {
				ownWording: true,
			}),
			notPdf,
			...[0, 1].flatMap((n) => [
				field(`invitees.${n}.name`, `Invitees → #${n + 1} → Name`, invalid.requiredText),
				field(`invitees.${n}.email`, `Invitees → #${n + 1} → Email`, invalid.email),
				field(`invitees.${n}.phone`, `Invitees → #${n + 1} → Phone`, invalid.mobilePhone),
			]),
			field('irn', 'IRN', invalid.optionalTextWrongType),
			field('documentName', 'Document Name', invalid.optionalTextWrongType),
		],
		sends: ['POST', '/v3.0/sign/request'],
	},
	{
		title: 'Sign Request → Get',
		parameters: { resource: 'signRequest', operation: 'get', documentId: fromItem('documentId') },
		baseline: () => ({ json: { documentId: 'Kx3dP9aQ' } }),
		breaks: [documentId],
		sends: ['GET', '/v3.3/document/details'],
	},
	{
		title: 'Sign Request → Get Many',
		parameters: {
			resource: 'signRequest',
			operation: 'getMany',
			returnAll: fromItem('returnAll'),
			limit: fromItem('limit'),
			filters: { q: fromItem('q'), status: fromItem('status') },
		},
		baseline: () => ({ json: { returnAll: false, limit: 10, q: 'PO-2026-001', status: 'SENT' } }),
		breaks: [
			field('returnAll', 'Return All', invalid.notBoolean),
			field('limit', 'Limit', invalid.integerIn(1)),
			field('q', 'Search', invalid.optionalTextWrongType),
			field(
				'status',
				'Status',
				invalid.oneOf(['DRAFT', 'SENT', 'COMPLETED'], { nullIsUnset: true }),
			),
		],
		sends: ['GET', '/v3.0/sign/request/list'],
	},
	{
		title: 'Sign Request → Download',
		parameters: {
			resource: 'signRequest',
			operation: 'download',
			documentId: fromItem('documentId'),
			fileType: fromItem('fileType'),
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		baseline: () => ({
			json: { documentId: 'Kx3dP9aQ', fileType: 'DOCUMENT', binaryPropertyName: 'data' },
		}),
		breaks: [
			documentId,
			field('fileType', 'File', invalid.oneOf(DOWNLOAD_TYPES)),
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/v3.1/document/fetchDocument'],
	},
	{
		title: 'Sign Request → Download (Attachment)',
		parameters: {
			resource: 'signRequest',
			operation: 'download',
			documentId: fromItem('documentId'),
			fileType: 'ATTACHMENT',
			attachmentIndex: fromItem('attachmentIndex'),
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		baseline: () => ({
			json: { documentId: 'Kx3dP9aQ', attachmentIndex: 0, binaryPropertyName: 'data' },
		}),
		breaks: [
			documentId,
			field(
				'attachmentIndex',
				'Attachment Index',
				fc.oneof(invalid.missing, invalid.integerIn(0), invalid.numberLookalike(0, 3)),
			),
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/v3.1/document/fetchDocument'],
	},
	{
		title: 'Sign Request → Download (Supporting Document)',
		parameters: {
			resource: 'signRequest',
			operation: 'download',
			documentId: fromItem('documentId'),
			fileType: 'SUPPORTING_DOCUMENT',
			supportDocumentUrl: fromItem('supportDocumentUrl'),
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		baseline: () => ({
			json: {
				documentId: 'Kx3dP9aQ',
				supportDocumentUrl: 'https://sandbox.leegality.com/support/5b0c3f7e',
				binaryPropertyName: 'data',
			},
		}),
		breaks: [
			documentId,
			field('supportDocumentUrl', 'Supporting Document URL', invalid.httpsUrl),
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/v3.1/document/fetchDocument'],
	},
	{
		title: 'Sign Request → Delete',
		parameters: {
			resource: 'signRequest',
			operation: 'delete',
			deleteTarget: fromItem('deleteTarget'),
			documentId: fromItem('documentId'),
			signUrl: fromItem('signUrl'),
		},
		baseline: () => ({
			json: { deleteTarget: 'document', documentId: 'Kx3dP9aQ', signUrl: SIGN_URL },
		}),
		breaks: [
			field('deleteTarget', 'Delete', invalid.oneOf(['document', 'invitation'])),
			documentId,
			fields(
				'Sign URL',
				fc.record({ deleteTarget: fc.constant('invitation'), signUrl: invitationRef }),
			),
		],
		sends: ['DELETE', '/v3.0/sign/request'],
	},
	{
		title: 'Sign Request → Wait for Signature',
		parameters: {
			resource: 'signRequest',
			operation: 'waitForSignature',
			documentId: fromItem('documentId'),
			downloadSignedFile: true,
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		// An unknown request: the read is refused, so the baseline reaches the vendor and nothing waits.
		baseline: () => ({ json: { documentId: 'DocUnknown42', binaryPropertyName: 'data' } }),
		breaks: [
			documentId,
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/v3.3/document/details'],
	},
];

describe(`Leegality: ${RUNS} invalid parameter sets per operation are refused by name, and nothing is sent`, () => {
	const { sim, run } = useLeegality();
	propertyTests({ sim, run }, specs);
});
