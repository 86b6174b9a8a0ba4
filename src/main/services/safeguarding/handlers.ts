import { listVisibleConcerns, raiseConcern, reviewConcern } from './concerns.js';
import {
  recordDebrief, recordLadoOutcomeFor, recordLadoReferral, recordParentsInformed, recordParentsNotInformed, recordPoliceContact,
} from './concern-follow-up.js';
import { cancelBookingById, createBooking, inviteDocument, listBookings, lookupInvite } from './bookings.js';
import { approveException, exceptionRecord, listExceptions, lookupException, revokeExceptionById } from './exceptions.js';
import { policyDetail, publishPolicy, recordPolicyReview } from './policy.js';
import { leafletDetail, publishLeaflet } from './leaflet.js';
import { printLeaflet, printLeafletForVisitor } from './leaflet-print.js';
import type { SafeguardingOutputs } from '../../../shared/contract/safeguarding.js';
import { inboxItems } from './inbox.js';
import { declineExceptionRequest, listOpenExceptionRequests, requestException } from './exception-requests.js';
import type { DomainHandlers } from '../../commands/handler-types.js';

/** The safeguarding commands (src/shared/contract/safeguarding.ts), each implemented once: a missing one is a compile error. */
export const safeguardingHandlers: DomainHandlers<SafeguardingOutputs> = {
  'concern.raise': (ctx, input) => raiseConcern(ctx, input),
  'concern.list': (ctx) => listVisibleConcerns(ctx),
  'inbox.list': (ctx) => inboxItems(ctx),
  'concern.review': (ctx, input) => reviewConcern(ctx, input),
  'concern.recordParentsInformed': (ctx, input) => recordParentsInformed(ctx, input),
  'concern.recordParentsNotInformed': (ctx, input) => recordParentsNotInformed(ctx, input),
  'concern.recordDebrief': (ctx, input) => recordDebrief(ctx, input),
  'concern.recordLadoReferral': (ctx, input) => recordLadoReferral(ctx, input),
  'concern.recordLadoOutcome': (ctx, input) => recordLadoOutcomeFor(ctx, input),
  'concern.recordPoliceContact': (ctx, input) => recordPoliceContact(ctx, input),
  'policy.get': (ctx) => policyDetail(ctx),
  'policy.publish': (ctx, input) => publishPolicy(ctx, input),
  'policy.recordReview': (ctx, input) => recordPolicyReview(ctx, input),
  'leaflet.get': (ctx) => leafletDetail(ctx),
  'leaflet.publish': (ctx, input) => publishLeaflet(ctx, input),
  'leaflet.print': (ctx) => printLeaflet(ctx),
  'leaflet.printForVisitor': (ctx, input) => printLeafletForVisitor(ctx, input.visitId),
  'exception.approve': (ctx, input) => approveException(ctx, input),
  'exception.revoke': (ctx, input) => revokeExceptionById(ctx, input),
  'exception.list': (ctx, input) => listExceptions(ctx, input),
  'exception.record': (ctx, input) => exceptionRecord(ctx, input.exceptionId),
  'exception.lookup': (ctx, input) => lookupException(ctx, input.code),
  'exceptionRequest.request': (ctx, input) => requestException(ctx, input),
  'exceptionRequest.listOpen': (ctx) => listOpenExceptionRequests(ctx),
  'exceptionRequest.decline': (ctx, input) => declineExceptionRequest(ctx, input),
  'booking.create': (ctx, input) => createBooking(ctx, input),
  'booking.list': (ctx, input) => listBookings(ctx, input),
  'booking.cancel': (ctx, input) => cancelBookingById(ctx, input),
  'booking.invite': (ctx, input) => inviteDocument(ctx, input),
  'invite.lookup': (ctx, input) => lookupInvite(ctx, input),
};
