import type { RpcExceptionFilter } from '@nestjs/common';
import { Catch } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';

/**
 * Hands a handler's error to the transport unchanged. Nest's default RPC filter would replace it with
 * "Internal server error" and lose the `retryable` flag that decides between retry and dead-letter.
 */
@Catch()
export class TaskErrorPassthroughFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
