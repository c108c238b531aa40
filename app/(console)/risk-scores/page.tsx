import { AreaPlaceholder } from "@/components/shell/area-placeholder";

export default function Page() {
  return <AreaPlaceholder area="risk-scores" />;
}
