import { PlanCardsSkeleton } from "@/components/plan-cards";

export default function Loading() {
  return <PlanCardsSkeleton />;
}
