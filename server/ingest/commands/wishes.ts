import type { WishBody } from '../../../shared/contract/http';
import { decideWishTransition, newWish, type WishCommand } from '../../../shared/logic/wishMachine';
import { accept, refuse, type Decision, type DecisionView } from '../Decision';

/** 居民点单: a wish is posted in a community, compound or grid. */
export const postWish = (body: WishBody, view: DecisionView): Decision => {
  const region = view.region(body.regionCode);
  if (!region || region.level === 'county' || region.level === 'street') {
    return refuse(422, 'region_not_found', `regionCode ${body.regionCode} is not a community, compound or grid`);
  }
  if (body.id !== undefined && view.wish(body.id)) return refuse(409, 'duplicate_id', `id ${body.id} is already a wish`);
  const wish = newWish({ id: body.id ?? view.newId('WISH'), body, regionPath: region.path, now: view.now });
  return accept(
    201,
    { id: view.newId('EV'), type: 'wish:posted', at: view.now, regionPath: wish.regionPath, payload: { wish } },
    { collection: 'wishes', id: wish.id },
  );
};

/** 党员接单 / 完成: claim and fulfil follow the wish machine. */
export const transitionWish = (id: string, command: WishCommand, view: DecisionView): Decision => {
  const wish = view.wish(id);
  if (!wish) return refuse(404, 'wish_not_found', `no wish with id ${id}`);
  const decision = decideWishTransition(wish, command, view.now);
  if (!decision.ok) {
    const status = decision.error.code === 'illegal_transition' ? 409 : 422;
    return refuse(status, decision.error.code, decision.error.message, { currentStatus: decision.error.currentStatus });
  }
  const { type, payload, at } = decision.value;
  return accept(
    200,
    { id: view.newId('EV'), type, at, regionPath: wish.regionPath, payload } as Parameters<typeof accept>[1],
    { collection: 'wishes', id },
  );
};
