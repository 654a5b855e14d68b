import { Injectable, NotFoundException } from '@nestjs/common';
import type { ProjectorKind, ProjectorRequest } from '@helix/contract';

/**
 * Answers whether a room's projector may show the target: resolves if so, throws a 404 when it does
 * not exist (for this room) and a 409 when it cannot be shown yet (a draft).
 */
export type ProjectorTargetCheck = (roomId: string, targetId: string) => Promise<void>;

/**
 * The features that own projector targets (polls, initiatives) register their check here when their
 * module starts, so room settings can validate a target without depending on those features.
 */
@Injectable()
export class ProjectorTargets {
  private readonly checks = new Map<ProjectorKind, ProjectorTargetCheck>();

  register(kind: ProjectorKind, check: ProjectorTargetCheck): void {
    this.checks.set(kind, check);
  }

  async check(roomId: string, projector: ProjectorRequest): Promise<void> {
    if (!projector.targetId) return;
    const check = this.checks.get(projector.kind);
    if (!check) throw new NotFoundException(`No ${projector.kind} can be shown in this deployment`);
    await check(roomId, projector.targetId);
  }
}
